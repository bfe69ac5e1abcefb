package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.callback.SignedCallbacks;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A slot freed while the recording's namespace has no reconcile thread to spare still goes to the head of the line at
 * once (design §11): the ended task gives its slot back when its 302 is seen, not when its reconcile gets a thread,
 * and the head whose turn came is not sent to the back of the namespace's line of deferred reconciles.
 *
 * <p>Two reconcile threads leave one per namespace, held here by a Create that waits until the test lets it go; a rate
 * limit of 0.05/s makes a reconcile sent to the back of that line come back only after some 17 s.
 */
@EnableKubernetesMockClient(crud = true)
class FreedSlotInBusyNamespaceTest {

    private static final String KEY = "cbkey0123456789";
    private static final long APP = 1400000001L;
    private static final long OTHER_APP = 1400000002L;
    private static final long T0 = 1_700_000_000_000L;
    /** Long enough for a reconcile that wrote its last event to give its thread back. */
    private static final long SETTLE_MS = 1_500;

    KubernetesClient client;

    private final FakeTrtcClient trtc = new FakeTrtcClient();
    private final CountDownLatch blockerMayProceed = new CountDownLatch(1);
    private final CountDownLatch blockerWaiting = new CountDownLatch(1);
    private final Map<String, Instant> createdAt = new ConcurrentHashMap<>();
    private OperatorHarness harness;
    private CallbackServer server;

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client);
        Map<String, String> credentials = new HashMap<>(Recordings.CREDENTIALS);
        credentials.put("callbackKey", KEY);
        harness.credentials(credentials);
        trtc.always("CreateCloudRecording", request -> {
            String room = ((CreateCloudRecordingRequest) request).roomId();
            if (room.startsWith("9")) {
                blockerWaiting.countDown();
                try {
                    blockerMayProceed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            createdAt.put(room, Instant.now());
            return created("task-" + room, "req-" + room);
        });
        trtc.always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(null, "InProgress", null, null, "req-d"));
        harness.start(trtc, OperatorHarness.config(Map.of("RECONCILE_THREADS", "2", "TRTC_RATE_LIMIT", "0.05",
                "TRTC_MAX_CONCURRENT_TASKS", "1", "TRTC_POLL_INTERVAL", "60s")));
        server = harness.receiveCallbacks();
    }

    @AfterEach
    void tearDown() {
        blockerMayProceed.countDown();
        server.close();
        harness.close();
        assertThat(trtc.unexpectedCalls()).isEmpty();
    }

    @Test
    void theHeadCreatesAtOnceWhenTheNamespaceHasAThreadAgainAfterTheEndedTasksCallback() throws Exception {
        client.resource(recording("live", "3560", APP)).create();
        harness.awaitStatus("live", s -> "task-3560".equals(s.getTaskId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.reasons().contains("Created"));
        Thread.sleep(SETTLE_MS);
        client.resource(recording("head", "3561", APP)).create();
        harness.awaitStatus("head", s -> s.getPhase() == Phase.Queued);
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.reasons().contains("Queued"));
        Thread.sleep(SETTLE_MS);
        client.resource(recording("blocker", "9000", OTHER_APP)).create();
        assertThat(blockerWaiting.await(15, java.util.concurrent.TimeUnit.SECONDS)).as("the namespace's one thread is taken").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.callbacks().target("task-3560").isPresent());

        String ended = SignedCallbacks.body(302, "task-3560", T0, "{\"LeaveCode\":0}");
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, ended).statusCode()).isEqualTo(200);
        harness.awaitStatus("live", s -> s.getPhase() == Phase.Stopped);
        Thread.sleep(SETTLE_MS);
        Instant released = Instant.now();
        blockerMayProceed.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> createdAt.containsKey("3561"));
        assertThat(Duration.between(released, createdAt.get("3561")))
                .as("the head's Create after the namespace had a thread again").isLessThan(Duration.ofSeconds(5));
    }

    private static CloudRecording recording(String name, String room, long sdkAppId) {
        CloudRecording r = Recordings.load();
        r.getMetadata().setName(name);
        r.getMetadata().setNamespace(OperatorHarness.NAMESPACE);
        r.getSpec().setRoomId(room);
        r.getSpec().setSdkAppId(sdkAppId);
        return r;
    }
}
