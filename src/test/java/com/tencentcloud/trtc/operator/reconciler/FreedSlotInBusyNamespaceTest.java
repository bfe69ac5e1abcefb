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
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task that ends in a namespace with no reconcile thread to spare gives its slot to the head of the line at once
 * (design §11), not when its own reconcile gets one of its namespace's threads.
 *
 * <p>Two reconcile threads leave one per namespace; in {@code busy} it is held by a Create that waits until the test
 * ends, and a rate limit of 0.05/s sends a reconcile deferred there back only after some 17 s. The head of the line
 * is in another namespace, whose thread is free.
 */
@EnableKubernetesMockClient(crud = true)
class FreedSlotInBusyNamespaceTest {

    private static final String BUSY = "busy";
    private static final String KEY = "cbkey0123456789";
    private static final long APP = 1400000001L;
    private static final long OTHER_APP = 1400000002L;
    private static final long T0 = 1_700_000_000_000L;

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
        Map<String, String> credentials = harness.credentialsWithCallbackKey(KEY);
        client.resource(new NamespaceBuilder().withNewMetadata().withName(BUSY).endMetadata().build()).create();
        Map<String, String> data = new HashMap<>();
        credentials.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(BUSY).endMetadata()
                .withData(data).build()).create();
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
    void theHeadInAnotherNamespaceCreatesAtOnceWhenATaskEndsWhereNoThreadIsFree() throws Exception {
        client.resource(recording(BUSY, "live", "3560", APP)).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> createdAt.containsKey("3560") && phase(BUSY, "live") != null
                && harness.callbacks().target("task-3560").isPresent());
        client.resource(recording(OperatorHarness.NAMESPACE, "head", "3561", APP)).create();
        harness.awaitStatus("head", s -> s.getPhase() == Phase.Queued);
        client.resource(recording(BUSY, "blocker", "9000", OTHER_APP)).create();
        assertThat(blockerWaiting.await(15, TimeUnit.SECONDS)).as("the busy namespace's one thread is taken").isTrue();

        Instant ended = Instant.now();
        String body = SignedCallbacks.body(302, "task-3560", T0, "{\"LeaveCode\":0}");
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, body).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> createdAt.containsKey("3561"));
        assertThat(Duration.between(ended, createdAt.get("3561"))).as("the head's Create after the 302")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(phase(BUSY, "live")).isEqualTo(Phase.Stopped);
    }

    private Phase phase(String namespace, String name) {
        CloudRecording r = client.resources(CloudRecording.class).inNamespace(namespace).withName(name).get();
        return r == null || r.getStatus() == null ? null : r.getStatus().getPhase();
    }

    private static CloudRecording recording(String namespace, String name, String room, long sdkAppId) {
        CloudRecording r = Recordings.load();
        r.getMetadata().setName(name);
        r.getMetadata().setNamespace(namespace);
        r.getSpec().setRoomId(room);
        r.getSpec().setSdkAppId(sdkAppId);
        return r;
    }
}
