package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.emulator.CallbackFault;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.testing.RunningClock;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's callbacks, repeated and out of order, reaching a running operator through the receiver. */
@EnableKubernetesMockClient(crud = true)
class EmulatorCallbacksTest {

    static final long APP = 1400000001L;
    static final String KEY = "emulatorToOperatorKey";

    KubernetesClient client;

    private final RunningClock clock = new RunningClock();
    private TrtcEmulator emulator;
    private OperatorHarness harness;
    private CallbackServer receiver;

    @BeforeEach
    void setUp() throws Exception {
        emulator = TrtcEmulator.builder().credential(Recordings.SECRET_ID, Recordings.SECRET_KEY)
                .sdkApp(APP, Recordings.SDK_SECRET_KEY).clock(clock).build().start();
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client).minter(UserSig::generate);
        harness.credentials(Map.of("secretId", Recordings.SECRET_ID, "secretKey", Recordings.SECRET_KEY,
                "sdkSecretKey", Recordings.SDK_SECRET_KEY, "callbackKey", KEY));
        OperatorConfig config = new OperatorConfig(emulator.baseUrl(), "ap-guangzhou", Optional.empty(), Set.of(),
                20, Duration.ofSeconds(5), 10, 0, false, null, false, InetAddress.getLoopbackAddress());
        harness.start(new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()), clock), config, KubernetesResourceWriter::new, clock);
        receiver = harness.receiveCallbacks();
        emulator.callbacks().target(URI.create("http://127.0.0.1:" + receiver.port() + CallbackServer.PATH), KEY);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        harness.close();
        emulator.close();
    }

    @Test
    void aVodRecordingEndedByMaxIdleTimeGetsItsFileOnceAndStaysStoppedThoughItsEventsCameRepeatedAndReordered() {
        emulator.callbacks().inject(CallbackFault.of(CallbackFault.Kind.REORDER, 302));
        emulator.callbacks().inject(CallbackFault.of(CallbackFault.Kind.REPEAT, 311));
        client.resource(Recordings.load()).create();
        CloudRecording created = harness.awaitStatus(NAME, s -> s.getTaskId() != null);
        String taskId = created.getStatus().getTaskId();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.callbacks().target(taskId).isPresent());

        emulator.anchorJoins(APP, "3560", 1, "teacher");
        clock.advance(Duration.ofMinutes(10));
        emulator.anchorLeaves(APP, "3560", 1, "teacher");
        clock.advance(Duration.ofSeconds(31));

        CloudRecording ended = harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Stopped
                && s.getStorageFiles() != null && !s.getStorageFiles().isEmpty());
        assertThat(Recordings.condition(ended, Conditions.READY).getReason()).isEqualTo("IdleTimeout");
        assertThat(ended.getStatus().getStorageFiles()).singleElement().satisfies(f -> {
            assertThat(f.getFileId()).matches("\\d{18}");
            assertThat(f.getVideoUrl()).contains(f.getFileId());
            assertThat(f.getMediaId()).isEqualTo("mix");
            assertThat(f.getEndTimeStamp() - f.getBeginTimeStamp()).as("10 min recorded + 30 s maxIdleTime (the clock also runs)")
                    .isBetween(630_000L, 635_000L);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.reasons().contains("VodUploadFinished"));
        assertThat(harness.reasons()).containsOnlyOnce("VodFileCommitted", "IdleTimeout");
        assertThat(emulator.callbacks().deliveries()).filteredOn(d -> d.taskId().equals(taskId))
                .extracting(com.tencentcloud.trtc.operator.emulator.CallbackSender.Delivery::eventType).containsExactly(301, 302, 311, 312);
    }
}
