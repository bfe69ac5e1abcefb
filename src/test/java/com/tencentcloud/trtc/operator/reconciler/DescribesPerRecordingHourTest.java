package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.testing.SettableClock;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Describe calls in one recording-hour, counted on a fake clock: the follower and the callback applier are driven as
 * JOSDK drives them (a reconcile when the requeue timer fires or a callback arrives; each reconcile's requeue replaces
 * the previous timer), against a fake TRTC that counts the calls.
 */
class DescribesPerRecordingHourTest {

    static final Duration HOUR = Duration.ofHours(1);
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void withoutCallbacksATaskIsDescribedEveryPollIntervalAsBefore() {
        int describes = run(new TreeMap<>());
        System.out.println("Describe calls per recording-hour without callbacks: " + describes);
        assertThat(describes).as("every 30 s ± 20%").isBetween(100, 150);
    }

    @Test
    void aPollThatWouldWaitBehindOtherDescribesComesBackAfterThemInsteadOfHoldingItsThread() {
        int describes = run(new TreeMap<>(), at -> at.isBefore(T0.plus(Duration.ofMinutes(30))) ? Duration.ofSeconds(2) : Duration.ZERO);
        assertThat(describes).as("none while others wait (the first 30 minutes), every 30 s ± 20% after").isBetween(45, 80);
    }

    @Test
    void withCallbacksDescribeIsASafetyNetOfAtMost15AnHour() {
        TreeMap<Instant, RecordingCallback> callbacks = new TreeMap<>();
        callbacks.put(T0.plusSeconds(1), event(301, T0.plusSeconds(1), List.of()));
        callbacks.put(T0.plusSeconds(3), event(304, T0.plusSeconds(3), List.of()));
        for (int m = 0; m < 60; m += 7) {
            Instant at = T0.plusSeconds(5 + m * 60L);
            StorageFileStatus slice = new StorageFileStatus();
            slice.setFileName("task-1/1400000001_3560_" + m + ".m3u8");
            callbacks.put(at, event(307, at, List.of(slice)));
        }
        int describes = run(callbacks);
        System.out.println("Describe calls per recording-hour with callbacks: " + describes);
        assertThat(describes).isLessThanOrEqualTo(15).isGreaterThanOrEqualTo(9);
    }

    @Test
    void aVodTaskWhoseOnlyCallbackIsItsStartIsDescribedRarelyOnceDescribeSaysItRecords() {
        TreeMap<Instant, RecordingCallback> callbacks = new TreeMap<>();
        callbacks.put(T0.plusSeconds(1), event(301, T0.plusSeconds(1), List.of()));
        int describes = run(callbacks);
        System.out.println("Describe calls per recording-hour with callbacks, VOD (301 only): " + describes);
        assertThat(describes).isLessThanOrEqualTo(15);
    }

    private static RecordingCallback event(int type, Instant at, List<StorageFileStatus> files) {
        return new RecordingCallback(type, at.toEpochMilli(), "task-1", at.toEpochMilli(), 0, null, files, null);
    }

    /** One hour of following task-1 (30 s poll interval, 20/s), with {@code callbacks} delivered at their times. */
    private static int run(TreeMap<Instant, RecordingCallback> callbacks) {
        return run(callbacks, at -> Duration.ZERO);
    }

    /** The same, with {@code describeQueue} saying at each instant how long others wait for Describe permits. */
    private static int run(TreeMap<Instant, RecordingCallback> callbacks, Function<Instant, Duration> describeQueue) {
        SettableClock clock = new SettableClock(T0);
        FakeTrtcClient trtc = new FakeTrtcClient().always("DescribeCloudRecording",
                r -> new DescribeCloudRecordingResponse(null, "InProgress", null, null, "req-d"))
                .queueing(action -> action.equals("DescribeCloudRecording") ? describeQueue.apply(clock.instant()) : Duration.ZERO);
        OperatorConfig config = OperatorConfig.fromEnv(Map.of());
        Secret secret = new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace("media").endMetadata()
                .withStringData(Recordings.CREDENTIALS).build();
        SecretLookup lookup = (ns, name) -> Optional.of(secret);
        ResourceWriter writer = new InMemoryWriter();
        StatusTransitions transitions = new StatusTransitions(clock);
        EventRecorder events = new EventRecorder(null, clock) {
            @Override
            protected void record(HasMetadata resource, String type, String reason, String message) {
            }
        };
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
        SecretResolver secrets = new SecretResolver(lookup, config, (a, k, u, e, n) -> "sig");
        DescribeSchedule schedule = new DescribeSchedule();
        RecordingFollower follower = new RecordingFollower(trtc, secrets, writer, transitions, events,
                new Failures(writer, transitions, events, backoff, new StallMemory(lookup)), backoff, clock,
                new PollBudget(config.pollInterval(), config.rateLimitPerSecond()), schedule, () -> 1);
        CallbackInbox inbox = new CallbackInbox(() -> true);
        inbox.bind(null, secrets, new SimpleInboundEventSource<>() {
            @Override
            public void propagateEvent(ResourceID resourceID) {
            }
        }, (r, e) -> {
        });
        CallbackApplier applier = new CallbackApplier(inbox, writer, transitions, events, schedule, clock);

        CloudRecording r = Recordings.load();
        r.getMetadata().setUid("uid-1");
        r.setStatus(transitions.created(r, "rec-robot", "task-1", "req-c", T0, 72));
        CallbackTarget target = new CallbackTarget("media", Recordings.NAME, 1400000001L, "key");
        Instant timer = T0.plus(RecordingCreator.FIRST_DESCRIBE);
        while (true) {
            Map.Entry<Instant, RecordingCallback> next = callbacks.firstEntry();
            Instant wake = next != null && next.getKey().isBefore(timer) ? next.getKey() : timer;
            if (!wake.isBefore(T0.plus(HOUR))) {
                break;
            }
            clock.set(wake);
            if (next != null && next.getKey().equals(wake)) {
                callbacks.pollFirstEntry();
                assertThat(inbox.offer(target, next.getValue())).isEqualTo(CallbackTarget.Offer.ACCEPTED);
            }
            r = applier.apply(r, "task-1");
            Step step = follower.follow(r, "task-1");
            r = step.resource();
            assertThat(r.getStatus().getPhase()).isIn(CloudRecordingStatus.Phase.Idle, CloudRecordingStatus.Phase.Recording);
            timer = wake.plus(step.requeueAfter().orElseThrow());
        }
        assertThat(trtc.unexpectedCalls()).isEmpty();
        return trtc.calls("DescribeCloudRecording").size();
    }

    private static final class InMemoryWriter extends StatusOnlyWriter {
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
    }
}
