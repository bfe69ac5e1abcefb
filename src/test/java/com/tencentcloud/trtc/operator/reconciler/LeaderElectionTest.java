package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SDK_SECRET_KEY;
import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SECRET_ID;
import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas of the production assembly on one API server, competing for the Lease. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

    KubernetesClient client;
    KubernetesMockServer server;

    private final List<OperatorAssembly> replicas = new ArrayList<>();
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final AtomicInteger lostLeadership = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, leaseRules()).always();
        OperatorHarness.installCrd(client);
        new OperatorHarness(client).secret("trtc-credentials",
                Map.of("secretId", SECRET_ID, "secretKey", SECRET_KEY, "sdkSecretKey", SDK_SECRET_KEY));
    }

    @AfterEach
    void tearDown() {
        replicas.forEach(OperatorAssembly::close);
        clients.forEach(KubernetesClient::close);
    }

    @Test
    void onlyTheLeaderCallsTrtcAndTheStandbyTakesOverWithoutCreatingAgain() throws Exception {
        FakeTrtcClient trtcA = WiringFixtures.answeringFake();
        FakeTrtcClient trtcB = WiringFixtures.answeringFake();
        OperatorAssembly a = replica("replica-a", trtcA);
        await().atMost(Duration.ofSeconds(10)).until(a::leading);
        OperatorAssembly b = replica("replica-b", trtcB);
        await().atMost(Duration.ofSeconds(10)).until(b::ready);
        assertThat(WiringFixtures.http(b.port(), "/readyz").statusCode()).as("a standby is ready").isEqualTo(200);
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("replica-a");

        for (String name : List.of("rec-1", "rec-2", "rec-3")) {
            WiringFixtures.apply(client, name);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of("rec-1", "rec-2", "rec-3").stream()
                .allMatch(n -> WiringFixtures.taskId(client, n) != null));
        assertThat(trtcA.calls("CreateCloudRecording")).hasSize(3);
        assertThat(trtcB.calls()).as("the standby calls nothing").isEmpty();
        assertThat(b.leading()).isFalse();

        long stoppedAt = System.nanoTime();
        a.close();
        await().atMost(Duration.ofSeconds(10)).until(b::leading);
        System.out.printf("standby took over %.1f s after the leader stopped (lease 2 s)%n", (System.nanoTime() - stoppedAt) / 1e9);
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("replica-b");

        WiringFixtures.apply(client, "rec-4");
        await().atMost(Duration.ofSeconds(20)).until(() -> WiringFixtures.taskId(client, "rec-4") != null);
        assertThat(trtcB.calls("CreateCloudRecording")).singleElement()
                .satisfies(c -> assertThat(((CreateCloudRecordingRequest) c.request()).userId())
                        .isEqualTo(WiringFixtures.taskId(client, "rec-4").substring("task-".length())));
        assertThat(trtcA.calls("CreateCloudRecording")).hasSize(3);
        assertThat(lostLeadership.get()).as("a graceful stop is not a lost lease").isZero();
    }

    @Test
    void leaderStoppedDuringACreateFinishesItAndTheNewLeaderDoesNotCreateAgain() throws Exception {
        CountDownLatch createStarted = new CountDownLatch(1);
        CountDownLatch releaseCreate = new CountDownLatch(1);
        FakeTrtcClient trtcA = WiringFixtures.answeringFake().then("CreateCloudRecording", r -> {
            createStarted.countDown();
            try {
                releaseCreate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new CreateCloudRecordingResponse("task-slow", "req-slow");
        });
        FakeTrtcClient trtcB = WiringFixtures.answeringFake();
        OperatorAssembly a = replica("replica-a", trtcA);
        await().atMost(Duration.ofSeconds(10)).until(a::leading);
        OperatorAssembly b = replica("replica-b", trtcB);
        await().atMost(Duration.ofSeconds(10)).until(b::ready);

        WiringFixtures.apply(client, "rec-slow");
        assertThat(createStarted.await(15, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(a::close);
        Thread.sleep(500);
        assertThat(stopping).as("the stop waits for the call in flight").isNotDone();
        releaseCreate.countDown();
        stopping.get(20, TimeUnit.SECONDS);
        assertThat(WiringFixtures.taskId(client, "rec-slow")).as("the result was written before exit").isEqualTo("task-slow");

        await().atMost(Duration.ofSeconds(10)).until(b::leading);
        await().atMost(Duration.ofSeconds(30)).until(() -> !trtcB.calls("DescribeCloudRecording").isEmpty());
        assertThat(trtcA.calls("CreateCloudRecording")).hasSize(1);
        assertThat(trtcB.calls("CreateCloudRecording")).isEmpty();
    }

    private OperatorAssembly replica(String identity, FakeTrtcClient trtc) throws Exception {
        KubernetesClient own = new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
        clients.add(own);
        OperatorAssembly replica = OperatorAssembly.assemble(
                OperatorHarness.config(Map.of("LEADER_ELECTION", "true", "LEADER_ELECTION_NAMESPACE", "media",
                        "TRTC_POLL_INTERVAL", "5s")),
                own, trtc, WiringFixtures.testTuning(identity, lostLeadership::incrementAndGet)).start(0);
        replicas.add(replica);
        return replica;
    }

    /** The mock answers JOSDK's start-up check of Lease access as an API server would for the operator's Role. */
    static SelfSubjectRulesReview leaseRules() {
        SelfSubjectRulesReview review = new SelfSubjectRulesReview();
        review.setMetadata(new ObjectMeta());
        review.setStatus(new SubjectRulesReviewStatusBuilder().addNewResourceRule()
                .withApiGroups("coordination.k8s.io").withResources("leases")
                .withVerbs("get", "list", "watch", "create", "update", "patch", "delete").endResourceRule()
                .withIncomplete(false).build());
        return review;
    }

    private Lease lease() {
        return client.leases().inNamespace("media").withName("trtc-recording-operator").get();
    }
}
