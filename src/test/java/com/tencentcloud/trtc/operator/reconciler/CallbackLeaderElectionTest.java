package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SDK_SECRET_KEY;
import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SECRET_ID;
import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.callback.SignedCallbacks;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas with their callback receivers: the standby refuses with 503 (TRTC retries), the leader applies. */
@EnableKubernetesMockClient(crud = true)
class CallbackLeaderElectionTest {

    static final String KEY = "leaderElectionCallbackKey";
    static final long APP = 1400000001L;

    KubernetesClient client;
    KubernetesMockServer server;

    private final List<OperatorAssembly> replicas = new ArrayList<>();
    private final List<KubernetesClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, LeaderElectionTest.leaseRules()).always();
        OperatorHarness.installCrd(client);
        new OperatorHarness(client).secret("trtc-credentials",
                Map.of("secretId", SECRET_ID, "secretKey", SECRET_KEY, "sdkSecretKey", SDK_SECRET_KEY, "callbackKey", KEY));
    }

    @AfterEach
    void tearDown() {
        replicas.forEach(OperatorAssembly::close);
        clients.forEach(KubernetesClient::close);
    }

    @Test
    void aCallbackToTheStandbyIsRefusedWith503AndTheLeaderAppliesIt() throws Exception {
        OperatorAssembly a = replica("replica-a");
        await().atMost(Duration.ofSeconds(10)).until(a::leading);
        OperatorAssembly b = replica("replica-b");
        await().atMost(Duration.ofSeconds(10)).until(b::ready);

        WiringFixtures.apply(client, "rec-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> WiringFixtures.taskId(client, "rec-1") != null);
        String taskId = WiringFixtures.taskId(client, "rec-1");
        String ended = SignedCallbacks.body(302, taskId, System.currentTimeMillis(), "{\"LeaveCode\":101}");

        await().atMost(Duration.ofSeconds(10)).until(() -> SignedCallbacks.post(b.callbackPort(), KEY, APP, ended).statusCode() == 503);
        Thread.sleep(500);
        assertThat(WiringFixtures.get(client, "rec-1").getStatus().getPhase()).as("the standby changed nothing")
                .isNotEqualTo(CloudRecordingStatus.Phase.Stopped);
        assertThat(WiringFixtures.http(b.port(), "/metrics").body())
                .contains("trtc_callbacks_total{event=\"302\",result=\"refused\"}");

        assertThat(SignedCallbacks.post(a.callbackPort(), KEY, APP, ended).statusCode()).as("TRTC's retry reaches the leader").isEqualTo(200);
        CloudRecording stopped = await().atMost(Duration.ofSeconds(10)).until(() -> WiringFixtures.get(client, "rec-1"),
                r -> r.getStatus().getPhase() == CloudRecordingStatus.Phase.Stopped);
        assertThat(Recordings.condition(stopped, Conditions.READY).getReason()).isEqualTo("ReplacedBySameUser");

        a.close();
        await().atMost(Duration.ofSeconds(10)).until(b::leading);
        String vod = SignedCallbacks.body(311, taskId, System.currentTimeMillis(),
                "{\"Status\":0,\"TencentVod\":{\"FileId\":\"fid-after-failover\",\"VideoUrl\":\"https://vod.example/x.mp4\"}}");
        assertThat(SignedCallbacks.post(b.callbackPort(), KEY, APP, vod).statusCode()).as("the new leader accepts").isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> WiringFixtures.get(client, "rec-1"),
                r -> r.getStatus().getStorageFiles() != null && r.getStatus().getStorageFiles().stream()
                        .anyMatch(f -> "fid-after-failover".equals(f.getFileId())));
    }

    private OperatorAssembly replica(String identity) throws Exception {
        KubernetesClient own = new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
        clients.add(own);
        OperatorAssembly replica = OperatorAssembly.assemble(
                OperatorHarness.config(Map.of("LEADER_ELECTION", "true", "LEADER_ELECTION_NAMESPACE", "media",
                        "TRTC_POLL_INTERVAL", "5s")),
                own, WiringFixtures.answeringFake(), WiringFixtures.testTuning(identity, () -> { }))
                .start(0, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        replicas.add(replica);
        return replica;
    }
}
