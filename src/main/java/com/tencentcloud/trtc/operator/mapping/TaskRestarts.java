package com.tencentcloud.trtc.operator.mapping;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.EndedTask;
import com.tencentcloud.trtc.operator.api.v1alpha1.RecordingSpecFields;
import com.tencentcloud.trtc.operator.api.v1alpha1.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the end of a task means for its recording (design §10, trtc-api §6.10). Pure functions.
 *
 * <p>A <b>failure</b> is an end the vendor says to recover from: callback 302 with {@code LeaveCode} 100 (the recorder
 * lost the anchors' data for a long time) or 301 with {@code Status} 1 (the task failed to start). LeaveCode 101
 * (another task entered the room with the robot's user id) is a <b>conflict</b>, never fought over. Every other 302
 * is a <b>final</b> end. The n-th restart (from 0) waits {@code 10 s × 2^n}, at most 5 minutes.
 */
public final class TaskRestarts {

    /** Ready reason while the recording waits to start a new task. */
    public static final String REASON_RESTARTING = "Restarting";
    /** Ready reason of a recording whose restarts are used up (phase Failed). */
    public static final String REASON_BACKOFF_LIMIT_EXCEEDED = "BackoffLimitExceeded";
    /** Event reason when a new task replaced one that ended by fault. */
    public static final String EVENT_TASK_RESTARTED = "TaskRestarted";
    /** History reason of a task that failed to start (301 with Status 1). */
    public static final String REASON_START_FAILED = "StartFailed";
    /** History reason of a task that DescribeCloudRecording found gone before any callback said why. */
    public static final String REASON_ENDED = "Ended";
    public static final int DEFAULT_BACKOFF_LIMIT = 6;
    public static final int HISTORY_LIMIT = 10;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int LEAVE_ROOM_TIMEOUT = 100;
    private static final int LEAVE_SAME_USER = 101;

    /** How a callback ends the task it names. */
    public enum End {
        /** Start a new task if the spec allows it. */
        FAILURE,
        /** The recording is over. */
        FINAL,
        /** Another task took the robot's user id: over, and {@code Stalled}. */
        CONFLICT
    }

    /** What to do after a failure, given the spec as it is now. */
    public enum Decision {
        /** Start a new task after the back-off. */
        RESTART,
        /** {@code restartPolicy: Never}: the end is final. */
        NEVER,
        /** {@code backoffLimit} restarts were made: phase Failed. */
        LIMIT,
        /** {@code maxDuration}, counted from the first task, has passed: the end is final. */
        MAX_DURATION,
        /** A schedule's child whose window (until the schedule's next slot) has ended: the end is final. */
        WINDOW_ENDED
    }

    private TaskRestarts() {
    }

    /**
     * Whether recording {@code r}, whose task failed, gets a new task at {@code now}, given its spec, its
     * {@code status} and, for a schedule's child, the end of its window.
     */
    public static Decision decide(CloudRecording r, CloudRecordingStatus status, Instant now) {
        CloudRecordingSpec spec = r.getSpec();
        if (policy(spec) == RestartPolicy.Never) {
            return Decision.NEVER;
        }
        if (restarts(status) >= backoffLimit(spec)) {
            return Decision.LIMIT;
        }
        Optional<Duration> max = EffectiveSpec.maxDuration(spec);
        String first = firstCreatedAt(status);
        if (max.isPresent() && first != null && !now.isBefore(Instant.parse(first).plus(max.get()))) {
            return Decision.MAX_DURATION;
        }
        Optional<Instant> windowEnds = windowEnds(r);
        if (windowEnds.isPresent() && !now.isBefore(windowEnds.get())) {
            return Decision.WINDOW_ENDED;
        }
        return Decision.RESTART;
    }

    /** The end of a schedule child's window, from its {@code window-ends} annotation; empty for other recordings. */
    public static Optional<Instant> windowEnds(CloudRecording r) {
        var annotations = r.getMetadata().getAnnotations();
        String text = annotations == null ? null : annotations.get(CloudRecordingSchedule.ANNOTATION_WINDOW_ENDS);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** When the recording's first task was created: maxDuration counts from then. */
    public static String firstCreatedAt(CloudRecordingStatus status) {
        if (status == null) {
            return null;
        }
        if (status.getFirstCreatedAt() != null) {
            return status.getFirstCreatedAt();
        }
        if (status.getTaskHistory() != null && !status.getTaskHistory().isEmpty() && status.getTaskHistory().get(0).getCreatedAt() != null) {
            return status.getTaskHistory().get(0).getCreatedAt();
        }
        return status.getCreatedAt();
    }

    /** When the next task of a recording waiting to restart is due: its last task's end plus the back-off. */
    public static Instant restartAt(CloudRecordingStatus status) {
        Instant endedAt = ended(status, status.getTaskId()).map(EndedTask::getEndedAt).map(Instant::parse).orElse(Instant.EPOCH);
        return endedAt.plus(backoff(restarts(status)));
    }

    /** How {@code event} ends its task; empty when it does not end it. */
    public static Optional<End> end(RecordingCallback event) {
        if (event.eventType() == RecordingCallback.RECORDER_STOPPED) {
            Integer code = event.leaveCode();
            if (code != null && code == LEAVE_ROOM_TIMEOUT) {
                return Optional.of(End.FAILURE);
            }
            return Optional.of(code != null && code == LEAVE_SAME_USER ? End.CONFLICT : End.FINAL);
        }
        if (event.eventType() == RecordingCallback.RECORDER_STARTED && event.status() != null && event.status() == 1) {
            return Optional.of(End.FAILURE);
        }
        return Optional.empty();
    }

    /** The reason an ending {@code event} gives: named after the LeaveCode, or {@link #REASON_START_FAILED}. */
    public static String reason(RecordingCallback event) {
        return event.eventType() == RecordingCallback.RECORDER_STARTED ? REASON_START_FAILED : CallbackEffects.leaveReason(event.leaveCode());
    }

    /** Why an ending {@code event} ended the task, in words. */
    public static String description(RecordingCallback event) {
        return event.eventType() == RecordingCallback.RECORDER_STARTED
                ? "the recording robot failed to start (301, Status " + event.status() + ")"
                : CallbackEffects.leaveDescription(event.leaveCode());
    }

    /** {@code spec.restartPolicy}, absent = OnFailure. */
    public static RestartPolicy policy(RecordingSpecFields spec) {
        return spec == null || spec.getRestartPolicy() == null ? RestartPolicy.OnFailure : spec.getRestartPolicy();
    }

    /** {@code spec.backoffLimit}, absent = {@value #DEFAULT_BACKOFF_LIMIT}. */
    public static int backoffLimit(RecordingSpecFields spec) {
        return spec == null || spec.getBackoffLimit() == null ? DEFAULT_BACKOFF_LIMIT : spec.getBackoffLimit();
    }

    /** Restarts made so far. */
    public static int restarts(CloudRecordingStatus status) {
        return status == null || status.getRestarts() == null ? 0 : status.getRestarts();
    }

    /** The wait before restart number {@code done + 1}: 10 s, 20 s, 40 s … at most 5 min. */
    public static Duration backoff(int done) {
        if (done >= 5) {
            return MAX_BACKOFF;
        }
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.max(done, 0));
        return wait.compareTo(MAX_BACKOFF) < 0 ? wait : MAX_BACKOFF;
    }

    /** The history entry of {@code taskId}, if it has ended. */
    public static Optional<EndedTask> ended(CloudRecordingStatus status, String taskId) {
        if (status == null || status.getTaskHistory() == null || taskId == null) {
            return Optional.empty();
        }
        return status.getTaskHistory().stream().filter(t -> taskId.equals(t.getTaskId())).reduce((a, b) -> b);
    }

    /** Whether {@code status}'s own task has ended and a new one is still to be created for it. */
    public static boolean awaitingRestart(CloudRecordingStatus status) {
        if (status == null || status.getTaskId() == null || ended(status, status.getTaskId()).isEmpty()) {
            return false;
        }
        CloudRecordingStatus.Phase phase = status.getPhase();
        return phase == CloudRecordingStatus.Phase.Restarting || phase == CloudRecordingStatus.Phase.Creating
                || phase == CloudRecordingStatus.Phase.Pending;
    }

    /** {@code history} with {@code entry} in place of an earlier entry of its task, or appended; the last {@value #HISTORY_LIMIT} kept. */
    public static List<EndedTask> record(List<EndedTask> history, EndedTask entry) {
        List<EndedTask> next = new ArrayList<>();
        for (EndedTask t : history == null ? List.<EndedTask>of() : history) {
            if (!entry.getTaskId().equals(t.getTaskId())) {
                next.add(t);
            }
        }
        next.add(entry);
        return next.size() <= HISTORY_LIMIT ? next : new ArrayList<>(next.subList(next.size() - HISTORY_LIMIT, next.size()));
    }
}
