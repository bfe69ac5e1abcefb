package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.callback.SignedCallbacks;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 302 that ends a task gives its slot to the head of the line when it arrives (design §11), not after the ended
 * recording's status write, which waits its turn at a busy API server. Here that write is held until the test lets it
 * go; with a limit of one task, the head can create only through the slot the callback freed.
 */
@EnableKubernetesMockClient(crud = true)
class SlotFreedOnCallbackArrivalTest {

    private static final String KEY = "cbkey0123456789";
    private static final long APP = 1400000001L;
    private static final long T0 = 1_700_000_000_000L;

    KubernetesClient client;

    private final FakeTrtcClient trtc = new FakeTrtcClient();
    private final Map<String, Instant> createdAt = new ConcurrentHashMap<>();
    private final CountDownLatch endWriteMayProceed = new CountDownLatch(1);
    private final CountDownLatch endWriteWaiting = new CountDownLatch(1);
    private OperatorHarness harness;
    private CallbackServer server;

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client);
        harness.credentialsWithCallbackKey(KEY);
        trtc.always("CreateCloudRecording", request -> {
            String room = ((CreateCloudRecordingRequest) request).roomId();
            createdAt.put(room, Instant.now());
            return created("task-" + room, "req-" + room);
        });
        trtc.always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(null, "InProgress", null, null, "req-d"));
        harness.start(trtc, OperatorHarness.config(Map.of("TRTC_MAX_CONCURRENT_TASKS", "1", "TRTC_POLL_INTERVAL", "60s")),
                c -> new HeldEndWriter(new KubernetesResourceWriter(c)));
        server = harness.receiveCallbacks();
    }

    @AfterEach
    void tearDown() {
        endWriteMayProceed.countDown();
        server.close();
        harness.close();
        assertThat(trtc.unexpectedCalls()).isEmpty();
    }

    @Test
    void theHeadCreatesWhileTheEndedRecordingsStatusWriteIsStillWaiting() throws Exception {
        liveAndHead();

        assertThat(post("{\"LeaveCode\":0}")).isEqualTo(200);
        assertThat(endWriteWaiting.await(15, TimeUnit.SECONDS)).as("the ended recording's reconcile is writing its end").isTrue();

        await().atMost(Duration.ofSeconds(15)).until(() -> createdAt.containsKey("3561"));
        assertThat(phase("live")).as("stored status at the head's Create").isNotEqualTo(Phase.Stopped);
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(2);

        endWriteMayProceed.countDown();
        harness.awaitStatus("live", s -> s.getPhase() == Phase.Stopped);
        harness.awaitStatus("head", s -> "task-3561".equals(s.getTaskId()));
        assertThat(trtc.calls("CreateCloudRecording")).as("no third Create once the end is written").hasSize(2);
    }

    @Test
    void aTaskThatEndsByFaultKeepsItsSlotForItsRestart() throws Exception {
        liveAndHead();

        assertThat(post("{\"LeaveCode\":100}")).isEqualTo(200);
        harness.awaitStatus("live", s -> s.getPhase() == Phase.Restarting);
        Thread.sleep(1_000);

        assertThat(createdAt).as("the head still waits").doesNotContainKey("3561");
        assertThat(harness.get("head").getStatus().getPhase()).isEqualTo(Phase.Queued);
    }

    private void liveAndHead() {
        client.resource(recording("live", "3560")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> createdAt.containsKey("3560") && phase("live") != null
                && harness.callbacks().target("task-3560").isPresent());
        client.resource(recording("head", "3561")).create();
        harness.awaitStatus("head", s -> s.getPhase() == Phase.Queued);
    }

    private int post(String payload) throws Exception {
        return SignedCallbacks.post(server.port(), KEY, APP, SignedCallbacks.body(302, "task-3560", T0, payload)).statusCode();
    }

    private Phase phase(String name) {
        CloudRecording r = harness.get(name);
        return r == null || r.getStatus() == null ? null : r.getStatus().getPhase();
    }

    private static CloudRecording recording(String name, String room) {
        CloudRecording r = Recordings.load();
        r.getMetadata().setName(name);
        r.getSpec().setRoomId(room);
        r.getSpec().setSdkAppId(APP);
        return r;
    }

    /** Holds the write that makes a recording {@code Stopped} until the test lets it go, as a busy API server would. */
    private final class HeldEndWriter extends ForwardingResourceWriter {

        HeldEndWriter(ResourceWriter delegate) {
            super(delegate);
        }

        private void holdIfEnd(CloudRecordingStatus status) {
            if (status.getPhase() == Phase.Stopped) {
                endWriteWaiting.countDown();
                try {
                    endWriteMayProceed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
            holdIfEnd(status);
            return super.writeStatus(resource, status);
        }

        @Override
        public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) throws StaleResourceException {
            holdIfEnd(status);
            return super.writeStatusIfUnchanged(resource, status);
        }
    }
}
