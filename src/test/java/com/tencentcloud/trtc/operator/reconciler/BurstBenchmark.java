package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.OperatorAssembly;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.emulator.Action;
import com.tencentcloud.trtc.operator.emulator.CallRecord;
import com.tencentcloud.trtc.operator.emulator.TaskSnapshot;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A burst of 1,000 CloudRecordings applied at once, drained by the production assembly (one limiter per action,
 * the real HTTP client) against the emulator, which refuses a 21st call in any sliding second. A benchmark, not
 * part of the default test run: {@code mvn -o test -Dtest=BurstBenchmark}. Prints the drain time against the
 * 50 s floor, the throttled answers and the creates per resource; fails if any answer was throttled or any
 * resource was created more than once.
 */
@EnableKubernetesMockClient(crud = true)
class BurstBenchmark {

    static final int RESOURCES = 1_000;
    static final long APP = 1400000001L;

    KubernetesClient client;

    @Test
    void thousandResourcesDrainAtTheLimitWithoutThrottlingOrDuplicates() throws Exception {
        try (TrtcEmulator emulator = TrtcEmulator.builder()
                .credential(Recordings.SECRET_ID, Recordings.SECRET_KEY)
                .sdkApp(APP, Recordings.SDK_SECRET_KEY)
                .rateLimitPerSecond(20)
                .maxLiveTasksPerApp(RESOURCES)
                .build().start()) {
            OperatorHarness.installCrd(client);
            new OperatorHarness(client).credentials(Map.of("secretId", Recordings.SECRET_ID,
                    "secretKey", Recordings.SECRET_KEY, "sdkSecretKey", Recordings.SDK_SECRET_KEY));
            Clock clock = Clock.systemUTC();
            OperatorAssembly.Tuning tuning = new OperatorAssembly.Tuning(false, false, Duration.ofSeconds(15),
                    Duration.ofSeconds(10), Duration.ofSeconds(2), null, Duration.ofSeconds(25), () -> { },
                    UserSig::generate, CloudRecordingReconciler.Options.defaults(), clock);
            try (OperatorAssembly operator = OperatorAssembly.assemble(
                    OperatorHarness.config(Map.of("TRTC_ENDPOINT", emulator.baseUrl(), "TRTC_POLL_INTERVAL", "30s")),
                    client, new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()), clock), tuning).start(0)) {

                Instant applyStart = Instant.now();
                for (int i = 0; i < RESOURCES; i++) {
                    CloudRecording r = WiringFixtures.recording("burst-" + i);
                    r.getSpec().setRoomId(String.valueOf(20_000 + i));
                    client.resource(r).create();
                }
                Instant applied = Instant.now();
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        client.resources(CloudRecording.class).inNamespace(OperatorHarness.NAMESPACE).list().getItems()
                                .stream().filter(r -> r.getStatus() != null && r.getStatus().getTaskId() != null).count() == RESOURCES);
                Instant drained = Instant.now();

                List<CallRecord> creates = emulator.calls().stream()
                        .filter(c -> c.action().equals(Action.CREATE.wireName())).toList();
                long throttled = emulator.calls().stream().filter(c -> c.outcome().contains("RequestLimitExceeded")).count();
                Map<String, Long> tasksPerRoom = emulator.tasks().stream()
                        .collect(Collectors.groupingBy(TaskSnapshot::roomId, Collectors.counting()));
                Instant firstCreate = creates.get(0).at();
                Instant lastCreate = creates.get(creates.size() - 1).at();
                double createSpan = Duration.between(firstCreate, lastCreate).toMillis() / 1000d;
                System.out.printf("burst of %d: applied in %.1f s; all taskIds in status %.1f s after the first apply;"
                                + " creates at the emulator from first to last %.1f s (floor %.1f s); throttled answers %d;"
                                + " creates %d (%.2f per resource, most tasks in one room %d); describes so far %d%n",
                        RESOURCES, seconds(applyStart, applied), seconds(applyStart, drained), createSpan,
                        (RESOURCES - 1) / 20.0, throttled, creates.size(), creates.size() / (double) RESOURCES,
                        tasksPerRoom.values().stream().mapToLong(Long::longValue).max().orElse(0),
                        emulator.callCount(Action.DESCRIBE));
                System.out.println("operator metrics: " + operator.metrics().scrape().lines()
                        .filter(l -> l.startsWith("trtc_requests_total") || l.startsWith("trtc_ratelimiter_wait_seconds_max")
                                || l.startsWith("trtc_request_duration_seconds_sum") || l.startsWith("trtc_request_duration_seconds_count")
                                || l.startsWith("trtc_create_outcome_unknown_total") || l.startsWith("cloudrecording_resources{"))
                        .collect(Collectors.joining("; ")));

                assertThat(throttled).isZero();
                assertThat(creates).hasSize(RESOURCES);
                assertThat(tasksPerRoom).hasSize(RESOURCES).allSatisfy((room, n) -> assertThat(n).isEqualTo(1));
                assertThat(createSpan).isGreaterThanOrEqualTo((RESOURCES - 1) / 20.0);
            }
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000d;
    }
}
