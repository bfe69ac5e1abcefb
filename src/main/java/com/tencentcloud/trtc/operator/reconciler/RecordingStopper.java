package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.DeletionPolicy;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.Redaction;
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
 * Stops a deleted resource's task (design §3.4) and says whether the finalizer may go.
 *
 * <p>{@code deletionPolicy: Delete} calls DeleteCloudRecording; "not found" and "already ended" count as
 * stopped. The finalizer goes without a call when the policy is {@code Orphan}, when no task was recorded,
 * when the task already ended (a recording waiting to restart included), or when its management window is over (with a Warning event when the task
 * may still be running). Credentials come from the Secret or, if it was deleted first, from memory.
 */
final class RecordingStopper {

    /** What to do with the finalizer. */
    record Decision(boolean release, Optional<Duration> retryAfter) {
        static Decision released() {
            return new Decision(true, Optional.empty());
        }

        static Decision kept(Optional<Duration> retryAfter) {
            return new Decision(false, retryAfter);
        }
    }

    private static final Duration UNRESOLVED_RETRY = Duration.ofMinutes(1);

    private final TrtcClient trtc;
    private final SecretResolver secrets;
    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final Backoff backoff;
    private final Clock clock;

    RecordingStopper(TrtcClient trtc, SecretResolver secrets, ResourceWriter writer, StatusTransitions transitions,
                     EventRecorder events, Backoff backoff, Clock clock) {
        this.trtc = trtc;
        this.secrets = secrets;
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.backoff = backoff;
        this.clock = clock;
    }

    Decision stop(CloudRecording r, String taskId) {
        var status = r.getStatus();
        boolean createInFlight = CloudRecordingReconciler.createPending(r);
        if (taskId == null) {
            if (createInFlight) {
                events.warning(r, "NotStopped", "A CreateCloudRecording got no answer before deletion; any task it started"
                        + " has no known TaskId and ends when the room is idle (MaxIdleTime)");
            }
            return Decision.released();
        }
        if (r.getSpec().getDeletionPolicy() == DeletionPolicy.Orphan) {
            events.normal(r, "Orphaned", "Task " + taskId + " left running (deletionPolicy Orphan)");
            return Decision.released();
        }
        if (status != null && status.getPhase() == Phase.Stopped) {
            return Decision.released();
        }
        if (TaskRestarts.ended(status, taskId).isPresent()) {
            if (createInFlight) {
                events.warning(r, "NotStopped", "The CreateCloudRecording that was to replace task " + taskId
                        + " got no answer before deletion; any task it started has no known TaskId and ends when the room is idle (MaxIdleTime)");
            }
            return Decision.released();
        }
        if (status != null && status.getExpiresAt() != null && !clock.instant().isBefore(Instant.parse(status.getExpiresAt()))) {
            events.warning(r, "NotStopped", "Task " + taskId + " cannot be stopped: its management window ended at "
                    + status.getExpiresAt() + "; the recording continues until the room is idle");
            return Decision.released();
        }
        CallContext call;
        try {
            call = secrets.resolveCallForStop(r);
        } catch (UnresolvedSecretException e) {
            writer.writeStatus(r, transitions.stopStalled(r, e.reason(), e.getMessage()));
            events.warning(r, e.reason(), e.getMessage());
            return Decision.kept(Optional.of(UNRESOLVED_RETRY));
        }
        if (status == null || status.getPhase() != Phase.Stopping) {
            r = writer.writeStatus(r, transitions.stopping(r));
        }
        try {
            var response = trtc.deleteCloudRecording(call, new DeleteCloudRecordingRequest(
                    r.getSpec().getSdkAppId(), taskId));
            events.normal(r, "Stopped", "Stopped task " + taskId + " (RequestId " + response.requestId() + ")");
            return Decision.released();
        } catch (TrtcApiException e) {
            if (e.errorClass() == TrtcErrorClass.TASK_GONE) {
                events.normal(r, "Stopped", "Task " + taskId + " had already ended (" + e.code() + ")");
                return Decision.released();
            }
            return failed(r, e, call);
        } catch (TrtcException e) {
            return failed(r, e, call);
        } catch (IllegalArgumentException e) {
            String message = Redaction.redact(e.getMessage(), List.of(call.credentials().secretKey()));
            writer.writeStatus(r, transitions.stopStalled(r, Conditions.REASON_INVALID_INPUT, message));
            events.warning(r, Conditions.REASON_INVALID_INPUT, message);
            return Decision.kept(Optional.empty());
        }
    }

    private Decision failed(CloudRecording r, TrtcException e, CallContext call) {
        String message = Redaction.redact(e.getMessage(),
                List.of(call.credentials().secretKey()));
        if (!e.retryable() && e instanceof TrtcApiException api) {
            writer.writeStatus(r, transitions.stopStalled(r, api.code(), message));
            events.warning(r, api.code(), message);
            return Decision.kept(Optional.empty());
        }
        Duration delay = backoff.next(r.getMetadata().getUid());
        writer.writeStatus(r, transitions.retrying(r, message + "; retrying the stop in " + delay.toSeconds() + "s"));
        return Decision.kept(Optional.of(delay));
    }
}
