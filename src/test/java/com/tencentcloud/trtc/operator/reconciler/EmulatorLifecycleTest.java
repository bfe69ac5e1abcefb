package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.NAME;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.emulator.Action;
import com.tencentcloud.trtc.operator.emulator.CallRecord;
import com.tencentcloud.trtc.operator.emulator.ExitReason;
import com.tencentcloud.trtc.operator.emulator.Fault;
import com.tencentcloud.trtc.operator.emulator.TaskSnapshot;
import com.tencentcloud.trtc.operator.emulator.TaskState;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.testing.RunningClock;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator with its real TRTC client and UserSig minting, against the emulator on loopback. */
@EnableKubernetesMockClient(crud = true)
class EmulatorLifecycleTest {

    static final long APP = 1400000001L;

    KubernetesClient client;

    private final RunningClock clock = new RunningClock();
    private TrtcEmulator emulator;
    private OperatorHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        emulator = TrtcEmulator.builder()
                .credential(Recordings.SECRET_ID, Recordings.SECRET_KEY)
                .sdkApp(APP, Recordings.SDK_SECRET_KEY)
                .maxLiveTasksPerApp(1000)
                .clock(clock)
                .build().start();
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client).minter(UserSig::generate);
        harness.credentials(Map.of("secretId", Recordings.SECRET_ID, "secretKey", Recordings.SECRET_KEY,
                "sdkSecretKey", Recordings.SDK_SECRET_KEY));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        emulator.close();
    }

    @Test
    void droppedCreateAnswerEndsWithExactlyOneLiveTaskNamedInStatus() {
        emulator.faults().inject(Action.CREATE, Fault.commitThenDrop().times(1));
        start(kubernetes -> new KubernetesResourceWriter(kubernetes));
        client.resource(load()).create();

        CloudRecording r = harness.awaitStatus(NAME, s -> s.getTaskId() != null);
        List<TaskSnapshot> live = live();
        assertThat(live).singleElement().satisfies(t -> assertThat(t.taskId()).isEqualTo(r.getStatus().getTaskId()));
        assertThat(emulator.tasks()).hasSize(2);
        assertThat(emulator.tasks()).filteredOn(t -> !t.taskId().equals(r.getStatus().getTaskId()))
                .singleElement().satisfies(t -> assertThat(t.exitReason()).isEqualTo(ExitReason.REPLACED));
        assertThat(emulator.callCount(Action.CREATE)).isEqualTo(2);
        await().untilAsserted(() -> assertThat(harness.warnings()).contains("CreateOutcomeUnknown"));
    }

    @Test
    void operatorRestartedBetweenCreateAndStatusWriteLeavesOneTask() {
        start(kubernetes -> new FailingStatusWriter(new KubernetesResourceWriter(kubernetes), s -> s.getTaskId() != null));
        client.resource(load()).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.tasks().size() == 1);
        harness.stop();
        assertThat(harness.get(NAME).getMetadata().getAnnotations()).containsKey(CloudRecording.ANNOTATION_CREATE_PENDING);

        start(kubernetes -> new KubernetesResourceWriter(kubernetes));
        CloudRecording r = harness.awaitStatus(NAME, s -> s.getTaskId() != null);
        assertThat(live()).singleElement().satisfies(t -> assertThat(t.taskId()).isEqualTo(r.getStatus().getTaskId()));
        assertThat(emulator.callCount(Action.CREATE)).isEqualTo(2);
        await().untilAsserted(() -> assertThat(harness.warnings()).contains("CreateRetried"));
    }

    @Test
    void afterTheWindowTheRecordingRunsOnButNoCallIsMade() {
        start(kubernetes -> new KubernetesResourceWriter(kubernetes));
        client.resource(load()).create();
        CloudRecording created = harness.awaitStatus(NAME, s -> s.getTaskId() != null);
        emulator.anchorJoins(APP, "3560", 1, "teacher");
        harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Recording);
        assertThat(Duration.between(Instant.parse(created.getStatus().getCreatedAt()), Instant.parse(created.getStatus().getExpiresAt())))
                .isEqualTo(Duration.ofHours(72));

        clock.advance(Duration.ofHours(72).plusMinutes(1));
        harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Expired);
        long calls = emulator.calls().size();
        client.resources(CloudRecording.class).inNamespace("media").withName(NAME).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get(NAME) == null);

        assertThat(emulator.calls()).hasSize((int) calls);
        assertThat(emulator.task(created.getStatus().getTaskId())).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(TaskState.IN_PROGRESS));
        await().untilAsserted(() -> assertThat(harness.warnings()).contains("NotStopped"));
    }

    @Test
    void deletingStopsTheTaskInTheEmulatorEvenWhenTheSecretWentFirst() {
        start(kubernetes -> new KubernetesResourceWriter(kubernetes));
        client.resource(load()).create();
        CloudRecording r = harness.awaitStatus(NAME, s -> s.getTaskId() != null);

        client.secrets().inNamespace("media").withName("trtc-credentials").delete();
        client.resources(CloudRecording.class).inNamespace("media").withName(NAME).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get(NAME) == null);
        assertThat(emulator.callCount(Action.DELETE)).isEqualTo(1);
        assertThat(emulator.task(r.getStatus().getTaskId()).map(TaskSnapshot::exitReason)).contains(ExitReason.DELETED);
    }

    @Test
    void credentialTheClientCannotSendStallsTheResourceAndSendsNothing() {
        harness.credentials(Map.of("secretId", Recordings.SECRET_ID, "secretKey", Recordings.SECRET_KEY,
                "sdkSecretKey", Recordings.SDK_SECRET_KEY, "token", "tok-K9Q\u0007ZT"));
        start(kubernetes -> new KubernetesResourceWriter(kubernetes));
        client.resource(load()).create();

        CloudRecording r = harness.awaitStatus(NAME, s -> com.tencentcloud.trtc.operator.mapping.Conditions.isTrue(s.getConditions(), "Stalled"));
        assertThat(Recordings.condition(r, "Stalled").getReason()).isEqualTo("InvalidInput");
        assertThat(Recordings.condition(r, "Stalled").getMessage()).contains("not sent").doesNotContain("tok-K9Q");
        assertThat(r.getMetadata().getAnnotations()).doesNotContainKey(CloudRecording.ANNOTATION_CREATE_PENDING);
        assertThat(emulator.calls()).isEmpty();
    }

    @Test
    void describeTrafficOfHundredsOfRecordingsStaysWithinHalfTheRateLimit() {
        int resources = 200;
        start(kubernetes -> new KubernetesResourceWriter(kubernetes));
        IntStream.range(0, resources).forEach(i -> {
            CloudRecording r = load();
            r.getMetadata().setName("class-" + i);
            r.getSpec().setRoomId(String.valueOf(10_000 + i));
            client.resource(r).create();
        });
        await().atMost(Duration.ofSeconds(90)).until(() -> live().size() == resources);
        Instant allCreated = Instant.now();
        await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(13)).until(() -> true);

        List<CallRecord> describes = emulator.calls().stream()
                .filter(c -> c.action().equals("DescribeCloudRecording") && c.at().isAfter(allCreated)).toList();
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        describes.forEach(c -> perSecond.merge(c.at().getEpochSecond(), 1, Integer::sum));
        int busiest = perSecond.values().stream().max(Integer::compare).orElse(0);
        System.out.printf("describe traffic for %d recordings over 12 s: %d calls, busiest second %d%n",
                resources, describes.size(), busiest);
        assertThat(describes).isNotEmpty();
        assertThat(busiest).as("describes in the busiest second: the limiter's 20/s even when a starved JVM releases"
                + " late polls together").isLessThanOrEqualTo(20);
        assertThat(describes.size()).as("half the rate limit on average").isLessThanOrEqualTo(12 * 10 + 20);
        assertThat(describes).noneMatch(c -> c.outcome().contains("RequestLimitExceeded"));
        assertThat(live()).extracting(TaskSnapshot::roomId).doesNotHaveDuplicates().hasSize(resources);
    }

    private List<TaskSnapshot> live() {
        return emulator.tasks().stream().filter(t -> Set.of(TaskState.IDLE, TaskState.IN_PROGRESS).contains(t.state())).toList();
    }

    private void start(Function<KubernetesClient, ResourceWriter> writers) {
        OperatorConfig config = new OperatorConfig(emulator.baseUrl(), "ap-guangzhou", Optional.empty(), Set.of(),
                20, Duration.ofSeconds(1), 10, 0, false, null, false, Optional.empty(), Optional.empty(),
                java.net.InetAddress.getLoopbackAddress(), 1000);
        harness.start(new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()), clock), config, writers, clock);
    }
}
