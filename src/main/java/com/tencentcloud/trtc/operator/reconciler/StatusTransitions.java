package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.EndedTask;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.mapping.CallbackEffects;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.mapping.StorageFiles;
import com.tencentcloud.trtc.operator.mapping.TaskRestarts;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Every change the operator makes to a CloudRecording's status, each as a named transition.
 *
 * <p>Each method returns a new status computed from the resource's current one; nothing else in the operator
 * builds status. Conditions carry the resource's generation; {@code observedGeneration} moves only when the
 * operator has acted on that generation (success, a stall, or a stop).
 */
public final class StatusTransitions {

    /** Ready reason of a task the operator stopped at spec.maxDuration. */
    public static final String REASON_MAX_DURATION = "MaxDurationReached";

    private final Clock clock;

    public StatusTransitions(Clock clock) {
        this.clock = clock;
    }

    /** CreateCloudRecording is about to be called for {@code recorderUserId}. */
    public CloudRecordingStatus creating(CloudRecording r, String recorderUserId) {
        CloudRecordingStatus s = copy(r);
        s.setPhase(Phase.Creating);
        s.setRecorderUserId(recorderUserId);
        return ready(r, s, Conditions.FALSE, Conditions.REASON_CREATING, "Starting the recording task");
    }

    /** The resource waits, without any call, for a task slot of its SdkAppId (design §11); {@code message} gives its place. */
    public CloudRecordingStatus queued(CloudRecording r, String message) {
        CloudRecordingStatus s = copy(r);
        s.setPhase(Phase.Queued);
        return synced(r, ready(r, s, Conditions.FALSE, Conditions.REASON_QUEUED, message));
    }

    /** CreateCloudRecording returned {@code taskId} at {@code createdAt}: the management window starts then. */
    public CloudRecordingStatus created(CloudRecording r, String recorderUserId, String taskId, String requestId,
                                        Instant createdAt, int resourceExpiredHour) {
        Instant now = createdAt.truncatedTo(ChronoUnit.SECONDS);
        CloudRecordingStatus s = copy(r);
        if (TaskRestarts.awaitingRestart(s) && !taskId.equals(s.getTaskId())) {
            s.setRestarts(TaskRestarts.restarts(s) + 1);
            s.setRecorderStatus(null);
        }
        if (s.getFirstCreatedAt() == null) {
            s.setFirstCreatedAt(s.getCreatedAt() != null ? s.getCreatedAt() : now.toString());
        }
        s.setPhase(Phase.Idle);
        s.setRecorderUserId(recorderUserId);
        s.setTaskId(taskId);
        s.setCreatedAt(now.toString());
        s.setExpiresAt(now.plus(resourceExpiredHour, ChronoUnit.HOURS).toString());
        s.setLastRequestId(requestId);
        s = ready(r, s, Conditions.TRUE, Conditions.REASON_IDLE, "Recording task " + taskId + " started");
        return synced(r, s);
    }

    /** A task id found after a restart or status loss, before it was described. */
    public CloudRecordingStatus adopted(CloudRecording r, String taskId) {
        CloudRecordingStatus s = copy(r);
        s.setTaskId(taskId);
        return s;
    }

    /** DescribeCloudRecording answered for a live task. */
    public CloudRecordingStatus described(CloudRecording r, DescribeCloudRecordingResponse response) {
        CloudRecordingStatus s = copy(r);
        s.setRecorderStatus(response.status());
        s.setLastRequestId(response.requestId());
        if (response.storageFileList() != null) {
            String task = s.getTaskId();
            s.setStorageFiles(StorageFiles.merge(s.getStorageFiles(), response.storageFileList().stream().map(f -> {
                StorageFileStatus file = new StorageFileStatus();
                file.setFileName(f.fileName());
                file.setUserId(f.userId());
                file.setTrackType(f.trackType());
                file.setBeginTimeStamp(f.beginTimeStamp());
                file.setTaskId(task);
                return file;
            }).toList()));
        }
        String status = response.status() == null ? "" : response.status();
        switch (status) {
            case "InProgress" -> {
                s.setPhase(Phase.Recording);
                s = ready(r, s, Conditions.TRUE, Conditions.REASON_RECORDING, "Task " + s.getTaskId() + " is recording");
            }
            case "Exited" -> {
                s.setPhase(Phase.Stopping);
                s = ready(r, s, Conditions.FALSE, Conditions.REASON_COMPLETED, "Task " + s.getTaskId() + " is exiting");
            }
            default -> {
                s.setPhase(Phase.Idle);
                s = ready(r, s, Conditions.TRUE, Conditions.REASON_IDLE,
                        "Task " + s.getTaskId() + " is idle: nothing is being received from the room yet");
            }
        }
        return synced(r, s);
    }

    /**
     * A verified recording callback for this resource's task (design §8): its files are merged in, and the phase
     * moves only forward ({@link CallbackEffects#phase}); a 302 ends the task at once with a Ready reason named
     * after its {@code LeaveCode}. Applying the same callback again gives the same status.
     */
    public CloudRecordingStatus callback(CloudRecording r, RecordingCallback event) {
        CloudRecordingStatus s = copy(r);
        if (!event.files().isEmpty()) {
            s.setStorageFiles(StorageFiles.merge(s.getStorageFiles(), StorageFiles.ofTask(event.taskId(), event.files())));
        }
        Optional<EndedTask> ended = TaskRestarts.ended(s, event.taskId());
        if (!event.taskId().equals(s.getTaskId())
                || ended.isPresent() && !TaskRestarts.REASON_ENDED.equals(ended.get().getReason())) {
            return s;
        }
        Optional<TaskRestarts.End> end = TaskRestarts.end(event);
        if (end.isPresent()) {
            return taskEnded(r, s, event, end.get());
        }
        Optional<Phase> next = CallbackEffects.phase(s.getPhase(), event);
        if (next.isEmpty()) {
            return s;
        }
        s.setPhase(next.get());
        if (next.get() == Phase.Recording) {
            s.setRecorderStatus("InProgress");
            return ready(r, s, Conditions.TRUE, Conditions.REASON_RECORDING, "Task " + s.getTaskId() + " is recording");
        }
        s.setRecorderStatus(null);
        return ready(r, s, Conditions.FALSE, CallbackEffects.leaveReason(event.leaveCode()), "Task " + s.getTaskId()
                + " has ended: " + CallbackEffects.leaveDescription(event.leaveCode())
                + "; it is never restarted: create a new CloudRecording to record again");
    }

    /** The task no longer exists: it ended (idle timeout, room closed, stopped, or replaced). */
    public CloudRecordingStatus ended(CloudRecording r, String requestId, String detail) {
        CloudRecordingStatus s = copy(r);
        s.setPhase(Phase.Stopped);
        s.setRecorderStatus(null);
        s.setLastRequestId(requestId);
        s.setTaskHistory(TaskRestarts.record(s.getTaskHistory(), endedTask(s, TaskRestarts.REASON_ENDED)));
        s = ready(r, s, Conditions.FALSE, Conditions.REASON_COMPLETED,
                "Task " + s.getTaskId() + " has ended (" + detail + "); it is never restarted: create a new CloudRecording to record again");
        return synced(r, s);
    }

    /** DeleteCloudRecording stopped the task at spec.maxDuration (or found it ended then). */
    public CloudRecordingStatus maxDurationReached(CloudRecording r, String requestId, String maxDuration) {
        CloudRecordingStatus s = copy(r);
        s.setPhase(Phase.Stopped);
        s.setRecorderStatus(null);
        s.setLastRequestId(requestId);
        s.setTaskHistory(TaskRestarts.record(s.getTaskHistory(), endedTask(s, REASON_MAX_DURATION)));
        s = ready(r, s, Conditions.FALSE, REASON_MAX_DURATION, "Task " + s.getTaskId() + " was stopped after maxDuration "
                + maxDuration + "; it is never restarted: create a new CloudRecording to record again");
        return synced(r, s);
    }

    /** The management window is over: no more calls for this task. */
    public CloudRecordingStatus expired(CloudRecording r) {
        CloudRecordingStatus s = copy(r);
        s.setPhase(Phase.Expired);
        s = ready(r, s, Conditions.FALSE, Conditions.REASON_EXPIRED, "The management window ended at " + s.getExpiresAt()
                + "; task " + s.getTaskId() + " can no longer be queried or stopped, and the recording continues until the room is idle");
        return synced(r, s);
    }

    /** A failure that retrying cannot fix: stalled until the spec or a referenced Secret changes. */
    public CloudRecordingStatus stalled(CloudRecording r, String reason, String message) {
        CloudRecordingStatus s = copy(r);
        if (s.getTaskId() == null) {
            s.setPhase(Phase.Failed);
            s = ready(r, s, Conditions.FALSE, Conditions.REASON_FAILED, message);
        }
        s.setObservedGeneration(r.getMetadata().getGeneration());
        s.setConditions(Conditions.set(s.getConditions(), Conditions.SYNCED, Conditions.FALSE,
                Conditions.REASON_RECONCILE_ERROR, message, generation(r), now()));
        s.setConditions(Conditions.set(s.getConditions(), Conditions.STALLED, Conditions.TRUE, reason, message, generation(r), now()));
        return s;
    }

    /** A failure that is retried with backoff. */
    public CloudRecordingStatus retrying(CloudRecording r, String message) {
        CloudRecordingStatus s = copy(r);
        if (s.getPhase() == null) {
            s.setPhase(Phase.Pending);
        }
        s.setConditions(Conditions.set(s.getConditions(), Conditions.SYNCED, Conditions.FALSE,
                Conditions.REASON_RECONCILE_ERROR, message, generation(r), now()));
        s.setConditions(Conditions.set(s.getConditions(), Conditions.STALLED, Conditions.FALSE,
                Conditions.REASON_NOT_STALLED, "The last error is retried", generation(r), now()));
        return s;
    }

    /** The {@code paused} annotation holds every TRTC call for this resource. */
    public CloudRecordingStatus paused(CloudRecording r, String detail) {
        CloudRecordingStatus s = copy(r);
        if (s.getPhase() == null) {
            s.setPhase(Phase.Pending);
        }
        s.setConditions(Conditions.set(s.getConditions(), Conditions.SYNCED, Conditions.FALSE, Conditions.REASON_PAUSED,
                "Annotation " + CloudRecording.ANNOTATION_PAUSED + " is \"true\": no TRTC call is made" + detail, generation(r), now()));
        return s;
    }

    /** ModifyCloudRecording applied the spec's layout and subscription lists to the running task. */
    public CloudRecordingStatus modified(CloudRecording r, String requestId) {
        CloudRecordingStatus s = copy(r);
        s.setLastRequestId(requestId);
        return synced(r, s);
    }

    /** A spec change to a resource whose task has ended or can no longer be managed: nothing to apply. */
    public CloudRecordingStatus acknowledged(CloudRecording r) {
        CloudRecordingStatus s = copy(r);
        s.setObservedGeneration(r.getMetadata().getGeneration());
        return s;
    }

    /** The resource is being deleted and its task is being stopped. */
    public CloudRecordingStatus stopping(CloudRecording r) {
        CloudRecordingStatus s = copy(r);
        s.setPhase(Phase.Stopping);
        return ready(r, s, Conditions.FALSE, Conditions.REASON_DELETING, "Stopping task " + s.getTaskId() + " because the resource is being deleted");
    }

    /** Stopping failed in a way that retrying cannot fix; setting deletionPolicy to Orphan releases the resource. */
    public CloudRecordingStatus stopStalled(CloudRecording r, String reason, String message) {
        return stalled(r, reason, message + "; set spec.deletionPolicy to Orphan to release the resource without stopping the task");
    }

    /**
     * A recording waiting to restart, looked at again: the spec (restartPolicy, backoffLimit, maxDuration) may have
     * changed, so the decision is made again, and the generation is acknowledged.
     */
    public CloudRecordingStatus restartReconsidered(CloudRecording r) {
        CloudRecordingStatus s = copy(r);
        EndedTask last = TaskRestarts.ended(s, s.getTaskId()).orElseThrow();
        s = afterFailure(r, s, "Task " + s.getTaskId() + " ended (" + last.getReason() + ")", last.getReason());
        s.setObservedGeneration(r.getMetadata().getGeneration());
        return s;
    }

    /** A 302 or 301 that ends the resource's own task: recorded in taskHistory, then final, stalled, or restarted. */
    private CloudRecordingStatus taskEnded(CloudRecording r, CloudRecordingStatus s, RecordingCallback event, TaskRestarts.End end) {
        String reason = TaskRestarts.reason(event);
        s.setTaskHistory(TaskRestarts.record(s.getTaskHistory(), endedTask(s, reason)));
        s.setRecorderStatus(null);
        String why = "Task " + s.getTaskId() + " has ended: " + TaskRestarts.description(event);
        if (end == TaskRestarts.End.FAILURE) {
            return afterFailure(r, s, why, reason);
        }
        s.setPhase(Phase.Stopped);
        if (end == TaskRestarts.End.CONFLICT) {
            String message = why + "; another task now records with robot " + s.getRecorderUserId()
                    + ", and the operator does not fight over it: stop the other task or set a different recorder.userId";
            return conflict(r, ready(r, s, Conditions.FALSE, reason, message), message);
        }
        return ready(r, s, Conditions.FALSE, reason, why + "; it is never restarted: create a new CloudRecording to record again");
    }

    private CloudRecordingStatus conflict(CloudRecording r, CloudRecordingStatus s, String message) {
        s.setObservedGeneration(r.getMetadata().getGeneration());
        s.setConditions(Conditions.set(s.getConditions(), Conditions.SYNCED, Conditions.FALSE,
                Conditions.REASON_RECONCILE_ERROR, message, generation(r), now()));
        s.setConditions(Conditions.set(s.getConditions(), Conditions.STALLED, Conditions.TRUE,
                Conditions.REASON_RECORDER_CONFLICT, message, generation(r), now()));
        return s;
    }

    private CloudRecordingStatus afterFailure(CloudRecording r, CloudRecordingStatus s, String why, String reason) {
        int limit = TaskRestarts.backoffLimit(r.getSpec());
        switch (TaskRestarts.decide(r, s, clock.instant())) {
            case NEVER -> {
                s.setPhase(Phase.Stopped);
                return ready(r, s, Conditions.FALSE, reason, why + "; spec.restartPolicy is Never, so no new task is started");
            }
            case LIMIT -> {
                s.setPhase(Phase.Failed);
                return ready(r, s, Conditions.FALSE, TaskRestarts.REASON_BACKOFF_LIMIT_EXCEEDED, why + "; all "
                        + limit + " restarts of spec.backoffLimit are used up, so no new task is started");
            }
            case MAX_DURATION -> {
                s.setPhase(Phase.Stopped);
                return ready(r, s, Conditions.FALSE, REASON_MAX_DURATION, why + "; maxDuration " + r.getSpec().getMaxDuration()
                        + " since the first task was created has passed, so no new task is started");
            }
            case WINDOW_ENDED -> {
                s.setPhase(Phase.Stopped);
                return ready(r, s, Conditions.FALSE, reason, why + "; the schedule's next slot came at "
                        + TaskRestarts.windowEnds(r).orElseThrow() + ", so this child starts no new task");
            }
            default -> {
                s.setPhase(Phase.Restarting);
                return ready(r, s, Conditions.FALSE, TaskRestarts.REASON_RESTARTING, why + "; restart "
                        + (TaskRestarts.restarts(s) + 1) + " of " + limit + " starts a new task at " + TaskRestarts.restartAt(s));
            }
        }
    }

    /** The history entry of {@code s}'s task, ended now; to the millisecond, because the back-off counts from it. */
    private EndedTask endedTask(CloudRecordingStatus s, String reason) {
        return new EndedTask(s.getTaskId(), s.getCreatedAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), reason);
    }

    private CloudRecordingStatus ready(CloudRecording r, CloudRecordingStatus s, String status, String reason, String message) {
        s.setConditions(Conditions.set(s.getConditions(), Conditions.READY, status, reason, message, generation(r), now()));
        return s;
    }

    private CloudRecordingStatus synced(CloudRecording r, CloudRecordingStatus s) {
        s.setObservedGeneration(r.getMetadata().getGeneration());
        s.setConditions(Conditions.set(s.getConditions(), Conditions.SYNCED, Conditions.TRUE,
                Conditions.REASON_RECONCILE_SUCCESS, "The last reconcile succeeded", generation(r), now()));
        s.setConditions(Conditions.set(s.getConditions(), Conditions.STALLED, Conditions.FALSE,
                Conditions.REASON_NOT_STALLED, "No error that needs a change to the resource", generation(r), now()));
        return s;
    }

    private static CloudRecordingStatus copy(CloudRecording r) {
        CloudRecordingStatus from = r.getStatus() == null ? new CloudRecordingStatus() : r.getStatus();
        CloudRecordingStatus s = new CloudRecordingStatus();
        s.setPhase(from.getPhase());
        s.setTaskId(from.getTaskId());
        s.setRecorderUserId(from.getRecorderUserId());
        s.setCreatedAt(from.getCreatedAt());
        s.setExpiresAt(from.getExpiresAt());
        s.setRecorderStatus(from.getRecorderStatus());
        s.setStorageFiles(from.getStorageFiles());
        s.setLastRequestId(from.getLastRequestId());
        s.setObservedGeneration(from.getObservedGeneration());
        s.setConditions(from.getConditions() == null ? List.of() : List.copyOf(from.getConditions()));
        s.setRestarts(from.getRestarts());
        s.setTaskHistory(from.getTaskHistory());
        s.setFirstCreatedAt(from.getFirstCreatedAt());
        return s;
    }

    private static Long generation(CloudRecording r) {
        return r.getMetadata().getGeneration();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
