package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.mapping.EffectiveSpec;
import com.tencentcloud.trtc.operator.mapping.TaskRestarts;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcErrorClass;
import com.tencentcloud.trtc.operator.trtc.TrtcException;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ends a task at {@code spec.maxDuration} (design §9): DeleteCloudRecording once {@code status.createdAt +
 * maxDuration} has come, then phase {@code Stopped} with reason {@code MaxDurationReached}. A task already gone by
 * then counts as stopped. The API server keeps maxDuration shorter than the management window, so the call is
 * always made while the task can still be stopped.
 *
 * <p>The limit counts from {@code status.firstCreatedAt} (else {@code createdAt}), the moment CreateCloudRecording
 * answered for the recording's first task, so restarts do not extend it; a task adopted through
 * the {@code task-id} annotation has no such time and is not limited. Between polls the follower's next look is
 * brought forward to the limit, so the stop is at most a second late.
 */
final class DurationLimit {

    private static final Duration LATE = Duration.ofSeconds(1);

    private final TrtcClient trtc;
    private final SecretResolver secrets;
    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final Failures failures;
    private final Backoff backoff;
    private final Clock clock;
    private final PollBudget budget;

    DurationLimit(TrtcClient trtc, SecretResolver secrets, ResourceWriter writer, StatusTransitions transitions,
                  EventRecorder events, Failures failures, Backoff backoff, Clock clock, PollBudget budget) {
        this.trtc = trtc;
        this.secrets = secrets;
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.failures = failures;
        this.backoff = backoff;
        this.clock = clock;
        this.budget = budget;
    }

    /** When the limit of {@code r}'s live task comes, if it has one. */
    static Optional<Instant> deadline(CloudRecording r) {
        CloudRecordingStatus status = r.getStatus();
        if (status == null || status.getCreatedAt() == null || status.getTaskId() == null
                || status.getPhase() == Phase.Stopped || status.getPhase() == Phase.Expired || status.getPhase() == Phase.Failed
                || TaskRestarts.awaitingRestart(status)) {
            return Optional.empty();
        }
        return EffectiveSpec.maxDuration(r.getSpec()).map(d -> Instant.parse(TaskRestarts.firstCreatedAt(status)).plus(d));
    }

    /** Stops the task if its limit has come; empty when it has not (or there is none). */
    Optional<Step> enforce(CloudRecording r) {
        Optional<Instant> deadline = deadline(r);
        if (deadline.isEmpty() || clock.instant().isBefore(deadline.get())) {
            return Optional.empty();
        }
        String taskId = r.getStatus().getTaskId();
        CallContext call;
        try {
            call = secrets.resolveCall(r);
        } catch (UnresolvedSecretException e) {
            return Optional.of(failures.unresolved(r, e));
        }
        String detail = "maxDuration " + r.getSpec().getMaxDuration() + " reached";
        try {
            var response = trtc.deleteCloudRecording(call, new DeleteCloudRecordingRequest(
                    r.getSpec().getSdkAppId(), taskId));
            return Optional.of(stopped(r, response.requestId(), "Stopped task " + taskId + ": " + detail
                    + " (RequestId " + response.requestId() + ")"));
        } catch (TrtcApiException e) {
            if (e.errorClass() == TrtcErrorClass.TASK_GONE) {
                return Optional.of(stopped(r, e.requestId(), "Task " + taskId + " had already ended when " + detail));
            }
            return Optional.of(failures.trtc(r, e, List.of(call.credentials().secretKey())));
        } catch (TrtcException e) {
            return Optional.of(failures.trtc(r, e, List.of(call.credentials().secretKey())));
        } catch (IllegalArgumentException e) {
            return Optional.of(failures.refused(r, e, List.of(call.credentials().secretKey())));
        }
    }

    /** {@code step}, looked at again no later than just after {@code r}'s limit. */
    Step bringForward(CloudRecording r, Step step) {
        Optional<Instant> deadline = deadline(step.resource() == null ? r : step.resource());
        if (deadline.isEmpty()) {
            return step;
        }
        Duration untilLimit = Duration.between(clock.instant(), deadline.get()).plus(LATE);
        if (untilLimit.isNegative()) {
            untilLimit = LATE;
        }
        if (step.requeueAfter().isPresent() && step.requeueAfter().get().compareTo(untilLimit) <= 0) {
            return step;
        }
        return Step.requeue(step.resource(), untilLimit);
    }

    private Step stopped(CloudRecording r, String requestId, String message) {
        budget.release(r.getMetadata().getUid());
        backoff.reset(r.getMetadata().getUid());
        CloudRecording written = writer.writeStatus(r, transitions.maxDurationReached(r, requestId, r.getSpec().getMaxDuration()));
        events.normal(written, StatusTransitions.REASON_MAX_DURATION, message);
        return Step.done(written);
    }
}
