package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.testing.SettableClock;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The first reconcile wave after a restart: live tasks that an earlier process followed are described at the rate of
 * the steady state, spread over one poll interval of all of them, instead of every reconcile asking for a Describe
 * permit at once; a task this process created is followed as before.
 */
class FirstDescribesAfterRestartTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final int TASKS = 1000;

    @Test
    void tasksFoundAtStartAreDescribedSpreadOverOnePollIntervalNotAllAtOnce() {
        SettableClock clock = new SettableClock(T0);
        FakeTrtcClient trtc = new FakeTrtcClient().always("DescribeCloudRecording",
                r -> new DescribeCloudRecordingResponse(null, "InProgress", null, null, "req-d"));
        OperatorConfig config = OperatorConfig.fromEnv(Map.of());
        PollBudget budget = new PollBudget(config.pollInterval(), config.rateLimitPerSecond());
        RecordingFollower follower = follower(clock, trtc, config, budget);
        Duration interval = budget.interval(TASKS);

        TreeMap<Instant, List<CloudRecording>> due = new TreeMap<>();
        StatusTransitions transitions = new StatusTransitions(clock);
        for (int i = 0; i < TASKS; i++) {
            CloudRecording r = Recordings.load();
            r.getMetadata().setName("r-" + i);
            r.getMetadata().setUid("uid-" + i);
            r.setStatus(transitions.created(r, "rec-robot-" + i, "task-" + i, "req-c", T0.minus(Duration.ofHours(1)), 72));
            Step first = follower.follow(r, "task-" + i);
            Duration wait = first.requeueAfter().orElseThrow();
            assertThat(wait).isLessThanOrEqualTo(interval.plusSeconds(1));
            due.computeIfAbsent(T0.plus(wait), k -> new ArrayList<>()).add(first.resource());
        }
        assertThat(trtc.calls("DescribeCloudRecording")).as("the first wave describes nothing").isEmpty();

        int[] perTenSeconds = new int[(int) (interval.toSeconds() / 10) + 2];
        due.forEach((at, resources) -> {
            clock.set(at);
            for (CloudRecording r : resources) {
                follower.follow(r, r.getStatus().getTaskId());
                perTenSeconds[(int) (Duration.between(T0, at).toSeconds() / 10)]++;
            }
        });
        assertThat(trtc.calls("DescribeCloudRecording")).as("each described once, when its moment came").hasSize(TASKS);
        double steadyPerTenSeconds = TASKS * 10.0 / interval.toSeconds();
        for (int count : perTenSeconds) {
            assertThat(count).as("Describes in any 10 s, steady state %.0f", steadyPerTenSeconds).isLessThanOrEqualTo((int) (steadyPerTenSeconds * 2));
        }
    }

    @Test
    void aTaskThisProcessCreatedIsDescribedWhenItsFollowComes() {
        SettableClock clock = new SettableClock(T0);
        FakeTrtcClient trtc = new FakeTrtcClient().always("DescribeCloudRecording",
                r -> new DescribeCloudRecordingResponse(null, "InProgress", null, null, "req-d"));
        OperatorConfig config = OperatorConfig.fromEnv(Map.of());
        RecordingFollower follower = follower(clock, trtc, config, new PollBudget(config.pollInterval(), config.rateLimitPerSecond()));
        CloudRecording r = Recordings.load();
        r.getMetadata().setUid("uid-new");
        r.setStatus(new StatusTransitions(clock).created(r, "rec-robot", "task-new", "req-c", T0.plusSeconds(1), 72));
        clock.set(T0.plusSeconds(5));

        follower.follow(r, "task-new");

        assertThat(trtc.calls("DescribeCloudRecording")).hasSize(1);
    }

    private static RecordingFollower follower(SettableClock clock, FakeTrtcClient trtc, OperatorConfig config, PollBudget budget) {
        Secret secret = new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace("media").endMetadata()
                .withStringData(Recordings.CREDENTIALS).build();
        SecretLookup lookup = (ns, name) -> Optional.of(secret);
        ResourceWriter writer = new StatusOnlyWriter() {
            @Override
            public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
                CloudRecording copy = Serialization.clone(resource);
                copy.setStatus(Serialization.clone(status));
                return copy;
            }

            @Override
            public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) {
                return writeStatus(resource, status);
            }
        };
        StatusTransitions transitions = new StatusTransitions(clock);
        EventRecorder events = new EventRecorder(null, clock) {
            @Override
            protected void record(HasMetadata resource, String type, String reason, String message) {
            }
        };
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
        SecretResolver secrets = new SecretResolver(lookup, config, (a, k, u, e, n) -> "sig");
        return new RecordingFollower(trtc, secrets, writer, transitions, events,
                new Failures(writer, transitions, events, backoff, new StallMemory(lookup)), backoff, clock,
                budget, new DescribeSchedule(), () -> TASKS);
    }
}
