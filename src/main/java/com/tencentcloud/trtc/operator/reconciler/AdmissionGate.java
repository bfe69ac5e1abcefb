package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.admission.Admission;
import com.tencentcloud.trtc.operator.admission.SlotRules;
import com.tencentcloud.trtc.operator.admission.TaskSlots;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The concurrency quota on the creation path (design §11): the one point every CreateCloudRecording passes, first
 * creates and any later re-creation alike. A resource past its application's limit makes no call and shows
 * {@code phase: Queued}, {@code Ready=False Queued} with its position; the position is written only when it changed,
 * and at most every {@link TaskSlots#MIN_REFRESH} (longer for long lines) per resource. A callback that ends a task
 * frees its slot when it arrives ({@link #callbackArrived}).
 */
final class AdmissionGate {

    static final String RESTRICTED = "FailedOperation.RestrictedConcurrency";

    private final TaskSlots slots;
    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final Clock clock;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    AdmissionGate(TaskSlots slots, ResourceWriter writer, StatusTransitions transitions, EventRecorder events, Clock clock) {
        this.slots = slots;
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
    }

    /** Empty when {@code r} may create now (it then holds a slot); otherwise the step of a resource that waits. */
    Optional<Step> hold(CloudRecording r) {
        Admission admission = slots.admit(r);
        if (admission instanceof Admission.Queued queued) {
            return Optional.of(waiting(r, queued));
        }
        return Optional.empty();
    }

    /** Whether {@code r} waits in line and a slot is free for it now (design §11: its Create is due at once). */
    boolean turnCame(CloudRecording r) {
        return slots.turnCame(r);
    }

    /**
     * A callback for {@code cached}'s task arrived and waits for the resource's reconcile. When applying it ends the
     * task for good (the status it leads to holds no slot: {@code Stopped} or {@code Failed}, not {@code Restarting}),
     * the slot goes to the head of the line now, not after that reconcile's status write.
     */
    void callbackArrived(CloudRecording cached, RecordingCallback event) {
        if (cached.getStatus() == null || cached.getStatus().getTaskId() == null
                || CloudRecordingReconciler.createPending(cached) || !SlotRules.holdsSlot(cached)) {
            return;
        }
        CloudRecording after = new CloudRecording();
        after.setMetadata(cached.getMetadata());
        after.setSpec(cached.getSpec());
        after.setStatus(transitions.callback(cached, event));
        if (!SlotRules.holdsSlot(after)) {
            slots.ended(cached);
        }
    }

    /** Whether a failed Create means the application is full. */
    static boolean restricted(TrtcApiException e) {
        return RESTRICTED.equals(e.code());
    }

    /** TRTC refused {@code r}'s Create as over its concurrency limit: {@code r} waits again, in its place. */
    Step refused(CloudRecording r, TrtcApiException e) {
        slots.restricted(r);
        events.warning(r, "RestrictedConcurrency", "TRTC refused the Create: " + e.getMessage()
                + "; the recording waits in line and SdkAppId " + r.getSpec().getSdkAppId() + " counts as full until a probe every "
                + TaskSlots.PROBE_INTERVAL.toSeconds() + "s gets a task");
        Admission admission = slots.admit(r);
        if (admission instanceof Admission.Queued queued) {
            return waiting(r, queued);
        }
        return Step.requeue(r, Duration.ZERO);
    }

    /**
     * Tells the slots what {@code r} is now: what a reconcile left it as, or, before a reconcile waits for its
     * namespace's share of threads, what it was found as, so that a task seen ended frees its slot at once.
     */
    void settle(CloudRecording r) {
        slots.settle(r);
    }

    void forget(CloudRecording r) {
        slots.forget(r);
        written.remove(r.getMetadata().getUid());
    }

    private Step waiting(CloudRecording r, Admission.Queued queued) {
        String uid = r.getMetadata().getUid();
        String message = queued.message();
        boolean isQueued = r.getStatus() != null && r.getStatus().getPhase() == Phase.Queued;
        boolean shows = isQueued && Conditions.find(r.getStatus().getConditions(), Conditions.READY)
                .map(c -> Conditions.REASON_QUEUED.equals(c.getReason()) && message.equals(c.getMessage())).orElse(false);
        if (shows) {
            return Step.requeue(r, queued.recheck());
        }
        Instant now = clock.instant();
        Instant last = written.get(uid);
        if (isQueued && last != null && now.isBefore(last.plus(TaskSlots.MIN_REFRESH))) {
            Duration rest = Duration.between(now, last.plus(TaskSlots.MIN_REFRESH));
            return Step.requeue(r, rest.compareTo(queued.recheck()) < 0 ? rest : queued.recheck());
        }
        CloudRecording updated = writer.writeStatus(r, transitions.queued(r, message));
        written.put(uid, now);
        if (!isQueued) {
            events.normal(updated, Conditions.REASON_QUEUED, "Waiting for a task slot: " + message);
        }
        return Step.requeue(updated, queued.recheck());
    }
}
