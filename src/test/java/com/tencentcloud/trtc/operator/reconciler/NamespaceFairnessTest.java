package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One namespace's burst must not hold another namespace's apply: even when every call of the burst waits (here:
 * forever, until the test lets them go), reconcile threads stay free for the quiet namespace. The operator watches
 * both namespaces by name, each with the credentials Secret of its own.
 */
@EnableKubernetesMockClient(crud = true)
class NamespaceFairnessTest {

    private static final String BURST = "burst";
    private static final int THREADS = 4;

    KubernetesClient client;

    private final FakeTrtcClient trtc = new FakeTrtcClient();
    private final CountDownLatch burstMayProceed = new CountDownLatch(1);
    private final AtomicInteger burstWaiting = new AtomicInteger();
    private OperatorHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client);
        harness.credentials(Recordings.CREDENTIALS);
        client.resource(new NamespaceBuilder().withNewMetadata().withName(BURST).endMetadata().build()).create();
        {
            Map<String, String> data = new java.util.HashMap<>();
            Recordings.CREDENTIALS.forEach((k, v) -> data.put(k, java.util.Base64.getEncoder().encodeToString(v.getBytes())));
            client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(BURST).endMetadata()
                    .withData(data).build()).create();
        }
        trtc.always("CreateCloudRecording", request -> {
            CreateCloudRecordingRequest create = (CreateCloudRecordingRequest) request;
            if (create.roomId().startsWith("9")) {
                burstWaiting.incrementAndGet();
                try {
                    burstMayProceed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return created("task-" + create.roomId(), "req-" + create.roomId());
            }
            return created("task-quiet", "req-quiet");
        });
    }

    @AfterEach
    void tearDown() {
        burstMayProceed.countDown();
        harness.close();
        assertThat(trtc.unexpectedCalls()).as("unscripted TRTC calls").isEmpty();
    }

    @Test
    void quietNamespaceGetsItsTaskWhileEveryCallOfAnotherNamespacesBurstWaits() {
        harness.start(trtc, config(), java.time.Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            CloudRecording r = Recordings.load();
            r.getMetadata().setName("burst-" + i);
            r.getMetadata().setNamespace(BURST);
            r.getSpec().setRoomId(String.valueOf(9000 + i));
            client.resource(r).create();
        }
        int share = new NamespaceShare(THREADS, 20).perNamespace();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> burstWaiting.get() >= share);

        CloudRecording quiet = Recordings.load();
        quiet.getMetadata().setName("quiet");
        quiet.getSpec().setRoomId("1234");
        client.resource(quiet).create();

        assertThat(harness.awaitStatus("quiet", s -> s.getTaskId() != null).getStatus().getTaskId()).isEqualTo("task-quiet");
        assertThat(burstWaiting.get()).as("burst calls let in while all of them wait").isEqualTo(share);
        assertThat(share).isLessThan(THREADS);
    }

    private static OperatorConfig config() {
        return new OperatorConfig("trtc.tencentcloudapi.com", "ap-guangzhou", java.util.Optional.empty(),
                java.util.Set.of(OperatorHarness.NAMESPACE, BURST), 20, Duration.ofSeconds(1), THREADS, 0, false, null, false, java.net.InetAddress.getLoopbackAddress());
    }
}
