package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.mapping.CallbackEffects;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the callbacks waiting in the {@link CallbackInbox} at the start of a resource's reconcile: each through
 * {@link StatusTransitions#callback}, oldest first, then one status write if anything changed, then the Events
 * ({@link CallbackEffects#notice}). Callbacks for another TaskId than the resource's are dropped. If the write fails
 * the callbacks are put back and the reconcile's retry applies them.
 */
final class CallbackApplier {

    private final CallbackInbox inbox;
    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final DescribeSchedule schedule;
    private final Clock clock;

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
        List<RecordingCallback> mine = waiting.stream().filter(e -> taskId.equals(e.taskId())).toList();
        if (mine.isEmpty()) {
            return r;
        }
        CloudRecording working = Serialization.clone(r);
        List<CallbackEffects.Notice> notices = new ArrayList<>();
        for (RecordingCallback event : mine) {
            if (working.getStatus() == null || working.getStatus().getTaskId() == null) {
                working.setStatus(transitions.adopted(working, taskId));
            }
            CallbackEffects.notice(working.getStatus().getPhase(), event).ifPresent(notices::add);
            working.setStatus(transitions.callback(working, event));
        }
        CloudRecording written = r;
        if (changed(r.getStatus(), working.getStatus())) {
            try {
                written = writer.writeStatus(r, working.getStatus());
            } catch (RuntimeException e) {
                inbox.putBack(r, mine);
                throw e;
            }
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

    private static boolean changed(CloudRecordingStatus before, CloudRecordingStatus after) {
        return before == null || !Serialization.asJson(before).equals(Serialization.asJson(after));
    }
}
