package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.TrtcErrorClass;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcException;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * Follows a started task with DescribeCloudRecording while its management window lasts (design §3.2, §3.5).
 *
 * <p>Polls at the interval {@link PollBudget} allows, with ±20% jitter, never past {@code expiresAt}. A task that is gone is
 * {@code Stopped} for good; after {@code expiresAt} no call is made and the resource is {@code Expired}.
 * Status is written only when it changed. Once the task sends recording callbacks, a follow before the planned
 * Describe describes nothing, and while it records the plan is a safety net ({@link DescribeSchedule}). A poll
 * that would wait behind other Describes at the rate limit comes back once they are through instead of holding a
 * reconcile thread: polls bunch up (tasks created together are polled together), and threads held by polls were
 * threads taken from the creates of a burst. After a restart, the tasks an earlier process followed are first
 * described at random moments over one poll interval of all of them ({@link PollBudget#firstAfterStart}), not all
 * at once: a restart with 10,000 live tasks otherwise sent every reconcile of the first wave to the Describe
 * limiter, and back, until each got a permit.
 */
final class RecordingFollower {

    private final TrtcClient trtc;
    private final SecretResolver secrets;
    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final Failures failures;
    private final Backoff backoff;
    private final Clock clock;
    private final PollBudget budget;
    private final DescribeSchedule schedule;
    private final IntSupplier expectedTasks;
    private final Instant started;

    /**
     * @param expectedTasks how many tasks this process will follow, as far as it knows (the recordings its cache
     *                      held when it started): the span over which it spreads their first Describes
     */
    RecordingFollower(TrtcClient trtc, SecretResolver secrets, ResourceWriter writer,
                      StatusTransitions transitions, EventRecorder events, Failures failures, Backoff backoff,
                      Clock clock, PollBudget budget, DescribeSchedule schedule, IntSupplier expectedTasks) {
        this.trtc = trtc;
        this.secrets = secrets;
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.failures = failures;
        this.backoff = backoff;
        this.clock = clock;
        this.budget = budget;
        this.schedule = schedule;
        this.expectedTasks = expectedTasks;
        this.started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Follows task {@code taskId}; one recorded only in the annotation (status lost) is first restored to status. */
    Step follow(CloudRecording r, String taskId) {
        if (r.getStatus() == null || r.getStatus().getTaskId() == null) {
            r = writer.writeStatus(r, transitions.adopted(r, taskId));
        }
        CloudRecordingStatus status = r.getStatus();
        if (status.getPhase() == CloudRecordingStatus.Phase.Stopped || status.getPhase() == CloudRecordingStatus.Phase.Expired) {
            budget.release(r.getMetadata().getUid());
            return Step.done(r);
        }
        Instant now = clock.instant();
        Instant expiresAt = status.getExpiresAt() == null ? null : Instant.parse(status.getExpiresAt());
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            budget.release(r.getMetadata().getUid());
            CloudRecording written = writer.writeStatus(r, transitions.expired(r));
            events.warning(written, "ManagementWindowExpired", "Task " + status.getTaskId()
                    + " can no longer be managed through the API; the recording continues until the room is idle");
            return Step.done(written);
        }
        String uid = r.getMetadata().getUid();
        if (!schedule.known(uid) && followedBefore(status)) {
            Duration first = budget.firstAfterStart(uid, expectedTasks.getAsInt(), secrets.pace(r));
            schedule.spreadFirst(uid, now.plus(first));
        }
        Optional<Duration> wait = schedule.wait(uid, now);
        if (wait.isPresent()) {
            return Step.requeue(r, capped(wait.get(), now, expiresAt));
        }
        Duration queue = trtc.expectedWait(HttpTrtcClient.DESCRIBE);
        if (!queue.isZero()) {
            return Step.requeue(r, capped(later(queue), now, expiresAt));
        }
        CallContext call;
        try {
            call = secrets.resolveCall(r);
        } catch (UnresolvedSecretException e) {
            return failures.unresolved(r, e);
        }
        try {
            DescribeCloudRecordingResponse response = trtc.describeCloudRecording(call, new DescribeCloudRecordingRequest(
                    r.getSpec().getSdkAppId(), status.getTaskId(), null));
            backoff.reset(r.getMetadata().getUid());
            Duration interval = budget.follow(uid, secrets.pace(r));
            CloudRecording written = writeIfChanged(r, transitions.described(r, response));
            Duration next = schedule.callbacks(uid) && written.getStatus().getPhase() == CloudRecordingStatus.Phase.Recording
                    ? capped(safetyNet(interval), now, expiresAt) : nextPoll(interval, now, expiresAt);
            schedule.described(uid, now.plus(next));
            return Step.requeue(written, next);
        } catch (TrtcApiException e) {
            if (e.errorClass() == TrtcErrorClass.TASK_GONE) {
                budget.release(r.getMetadata().getUid());
                CloudRecording written = writer.writeStatus(r, transitions.ended(r, e.requestId(), e.code()));
                events.normal(written, "Completed", "Task " + status.getTaskId() + " has ended (" + e.code() + ")");
                return Step.done(written);
            }
            return failures.trtc(r, e, List.of(call.credentials().secretKey()));
        } catch (TrtcException e) {
            return failures.trtc(r, e, List.of(call.credentials().secretKey()));
        } catch (IllegalArgumentException e) {
            return failures.refused(r, e, List.of(call.credentials().secretKey()));
        }
    }

    /**
     * Whether an earlier process created and followed the task: one this process meets after a restart. Status
     * times are whole seconds, so a task created in the second this process started counts as its own.
     */
    private boolean followedBefore(CloudRecordingStatus status) {
        try {
            return status.getCreatedAt() != null && Instant.parse(status.getCreatedAt()).isBefore(started);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private CloudRecording writeIfChanged(CloudRecording r, CloudRecordingStatus next) {
        if (r.getStatus() != null && Serialization.asJson(withoutRequestId(r.getStatus())).equals(Serialization.asJson(withoutRequestId(next)))) {
            return r;
        }
        return writer.writeStatus(r, next);
    }

    private static CloudRecordingStatus withoutRequestId(CloudRecordingStatus s) {
        CloudRecordingStatus copy = Serialization.clone(s);
        copy.setLastRequestId(null);
        return copy;
    }

    /** When a poll that found others waiting for Describe permits comes back: after them, spread over as long again. */
    private static Duration later(Duration queue) {
        long base = Math.max(queue.toMillis(), 100);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1));
    }

    private static Duration nextPoll(Duration interval, Instant now, Instant expiresAt) {
        long base = interval.toMillis();
        return capped(Duration.ofMillis(base * 4 / 5 + ThreadLocalRandom.current().nextLong(base * 2 / 5 + 1)), now, expiresAt);
    }

    /** The safety-net interval of a task that sends callbacks: never shorter than the net, up to 20% longer. */
    private static Duration safetyNet(Duration interval) {
        long base = Math.max(interval.toMillis(), DescribeSchedule.SAFETY_NET.toMillis());
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 5 + 1));
    }

    private static Duration capped(Duration wait, Instant now, Instant expiresAt) {
        if (expiresAt == null) {
            return wait;
        }
        Duration untilExpiry = Duration.between(now, expiresAt).plusSeconds(1);
        return wait.compareTo(untilExpiry) < 0 ? wait : untilExpiry;
    }
}
