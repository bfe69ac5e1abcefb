package com.tencentcloud.trtc.operator.admission;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;

/**
 * What a resource, as stored, says about the quota: whether it holds a task slot, and whether it waits for one.
 * Both read only the resource, so the line and the slots can be rebuilt from the informer's cache after a restart
 * or a failover.
 */
public final class SlotRules {

    private SlotRules() {
    }

    /**
     * A resource holds a slot while its task may live: a Create was sent and its answer not saved
     * ({@code create-pending}), or it has a TaskId and has not ended ({@code Stopped}, {@code Failed}). An
     * {@code Expired} task keeps its slot until its 302 makes it {@code Stopped}. A recording {@code Restarting} after
     * a task that ended by fault keeps its slot through the back-off, so that its new task never waits behind the
     * line (design §10 before §11: a restart continues a recording that already had its turn).
     */
    public static boolean holdsSlot(CloudRecording r) {
        if (createPending(r)) {
            return true;
        }
        if (!hasTask(r)) {
            return false;
        }
        Phase phase = r.getStatus() == null ? null : r.getStatus().getPhase();
        return phase != Phase.Stopped && phase != Phase.Failed;
    }

    /**
     * A resource waits for a slot when it has no task yet and nothing but the quota keeps it from creating one: not
     * being deleted, not paused, not stalled, not failed, and not backing off after an error of its own.
     */
    public static boolean waits(CloudRecording r) {
        if (r.getSpec() == null || r.isMarkedForDeletion() || hasTask(r) || holdsSlot(r)) {
            return false;
        }
        Map<String, String> annotations = r.getMetadata().getAnnotations();
        if (annotations != null && "true".equals(annotations.get(CloudRecording.ANNOTATION_PAUSED))) {
            return false;
        }
        if (r.getStatus() == null) {
            return true;
        }
        List<Condition> conditions = r.getStatus().getConditions() == null ? List.of() : r.getStatus().getConditions();
        boolean retrying = Conditions.find(conditions, Conditions.SYNCED)
                .map(c -> Conditions.FALSE.equals(c.getStatus()) && Conditions.REASON_RECONCILE_ERROR.equals(c.getReason()))
                .orElse(false);
        return !retrying && !Conditions.isTrue(conditions, Conditions.STALLED) && r.getStatus().getPhase() != Phase.Failed;
    }

    /** The task a resource knows of: {@code status.taskId}, else its {@code task-id} annotation; null when none. */
    static String taskId(CloudRecording r) {
        if (r.getStatus() != null && r.getStatus().getTaskId() != null) {
            return r.getStatus().getTaskId();
        }
        Map<String, String> annotations = r.getMetadata().getAnnotations();
        String id = annotations == null ? null : annotations.get(CloudRecording.ANNOTATION_TASK_ID);
        return id == null || id.isBlank() ? null : id;
    }

    /** Whether the CreateCloudRecording sent for a resource may still be unanswered ({@code create-pending}). */
    static boolean createPending(CloudRecording r) {
        Map<String, String> annotations = r.getMetadata().getAnnotations();
        return annotations != null && annotations.containsKey(CloudRecording.ANNOTATION_CREATE_PENDING);
    }

    private static boolean hasTask(CloudRecording r) {
        return taskId(r) != null;
    }
}
