package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.mapping.CallbackEffects;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.mapping.TaskRestarts;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the callbacks waiting in the {@link CallbackInbox} at the start of a resource's reconcile: each through
 * {@link StatusTransitions#callback}, oldest first, then one status write if anything changed, then the Events
 * ({@link CallbackEffects#notice}). Callbacks for a task that is neither the resource's nor one of its ended tasks
 * ({@code status.taskHistory}) are dropped; those of an ended task bring only their files. If the write fails
 * the callbacks are put back and the reconcile's retry applies them.
 *
 * <p>The resource a reconcile is handed comes from the informer's cache, which can lag this operator's own last
 * status write (a 311 reconciled just after the 302 that made the resource {@code Stopped} may still see it
 * {@code Idle}). So the status is written only on the resource version it was computed from
 * ({@link ResourceWriter#writeStatusIfUnchanged}); on a conflict the callbacks are applied again on top of the
 * resource as the API server holds it now, at most {@value #ATTEMPTS} times.
 */
final class CallbackApplier {

    private final CallbackInbox inbox;
    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final DescribeSchedule schedule;
    private final Clock clock;

    static final int ATTEMPTS = 3;

    CallbackApplier(CallbackInbox inbox, ResourceWriter writer, StatusTransitions transitions, EventRecorder events,
                    DescribeSchedule schedule, Clock clock) {
        this.inbox = inbox;
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The resource after its waiting callbacks, as written (or as it was, when none changed its status). */
    CloudRecording apply(CloudRecording r, String taskId) {
        List<RecordingCallback> waiting = inbox.drain(r);
        List<RecordingCallback> mine = waiting.stream().filter(e -> taskId.equals(e.taskId())
                || TaskRestarts.ended(r.getStatus(), e.taskId()).isPresent()).toList();
        if (mine.isEmpty()) {
            return r;
        }
        List<CallbackEffects.Notice> notices = new ArrayList<>();
        CloudRecording written;
        try {
            written = write(r, taskId, mine, notices);
        } catch (RuntimeException e) {
            inbox.putBack(r, mine);
            throw e;
        }
        if (written == null) {
            return r;
        }
        schedule.callbackApplied(r.getMetadata().getUid(), clock.instant());
        for (CallbackEffects.Notice n : notices) {
            if (n.warning()) {
                events.warning(written, n.reason(), n.message());
            } else {
                events.normal(written, n.reason(), n.message());
            }
        }
        return written;
    }

    /**
     * Applies {@code events} to {@code cached}, or to the resource as the API server holds it once {@code cached}
     * proves stale, and writes the result if it changed; fills {@code notices} for the status written. Null when the
     * resource is gone.
     */
    private CloudRecording write(CloudRecording cached, String taskId, List<RecordingCallback> events,
                                 List<CallbackEffects.Notice> notices) {
        CloudRecording base = cached;
        for (int attempt = 1; ; attempt++) {
            notices.clear();
            CloudRecordingStatus status = applied(base, taskId, events, notices);
            if (!changed(base.getStatus(), status)) {
                return base;
            }
            try {
                return writer.writeStatusIfUnchanged(base, status);
            } catch (ResourceWriter.StaleResourceException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("the status changed during each of " + ATTEMPTS
                            + " attempts to apply callbacks; retrying the reconcile", e);
                }
                Optional<CloudRecording> current = writer.readCurrent(base);
                if (current.isEmpty()) {
                    return null;
                }
                base = current.get();
            }
        }
    }

    private CloudRecordingStatus applied(CloudRecording base, String taskId, List<RecordingCallback> events,
                                         List<CallbackEffects.Notice> notices) {
        CloudRecording working = Serialization.clone(base);
        for (RecordingCallback event : events) {
            if (working.getStatus() == null || working.getStatus().getTaskId() == null) {
                working.setStatus(transitions.adopted(working, taskId));
            }
            CloudRecordingStatus.Phase phase = working.getStatus().getPhase();
            boolean over = !taskId.equals(event.taskId()) || phase == CloudRecordingStatus.Phase.Restarting;
            CallbackEffects.notice(over ? CloudRecordingStatus.Phase.Stopped : phase, event).ifPresent(notices::add);
            working.setStatus(transitions.callback(working, event));
        }
        return working.getStatus();
    }

    private static boolean changed(CloudRecordingStatus before, CloudRecordingStatus after) {
        return before == null || !Serialization.asJson(before).equals(Serialization.asJson(after));
    }
}
