package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.DeletionPolicy;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The operator's finalizer and the end of a resource (design §3.4, §3.7). The finalizer is first set together with
 * {@code create-pending} ({@link ResourceWriter#markCreatePending}); {@link #hold} gives it back to a resource that
 * has or may have a task and lost it. A resource marked for deletion is stopped by {@link RecordingStopper}, within
 * its namespace's share of threads, and then released: its finalizer removed and what memory held of it forgotten.
 * A paused resource with a task is not stopped until the annotation goes or its policy is {@code Orphan}.
 *
 * <p>Thread-safe; one per reconciler.
 */
final class RecordingRelease {

    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final RecordingStopper stopper;
    private final NamespaceShare share;
    private final Function<CloudRecording, Optional<Pace>> pace;
    private final Consumer<CloudRecording> forget;
    /** Resources whose finalizer this process removed, until their delete event: the cache may still show it. */
    private final Set<String> released = ConcurrentHashMap.newKeySet();

    /**
     * @param pace   the rate budget a resource's stop counts against ({@link SecretResolver#pace}), which paces a stop
     *               sent back by {@code share}
     * @param forget clears every collaborator's memory of a resource that is gone
     */
    RecordingRelease(ResourceWriter writer, StatusTransitions transitions, RecordingStopper stopper, NamespaceShare share,
                     Function<CloudRecording, Optional<Pace>> pace, Consumer<CloudRecording> forget) {
        this.writer = writer;
        this.transitions = transitions;
        this.stopper = stopper;
        this.share = share;
        this.pace = pace;
        this.forget = forget;
    }

    /** The resource, with the finalizer given back first if it has or may have a task and lacks it. */
    CloudRecording hold(CloudRecording r) {
        boolean pending = CloudRecordingReconciler.createPending(r);
        if (r.hasFinalizer(CloudRecording.FINALIZER) || (CloudRecordingReconciler.taskId(r).isEmpty() && !pending)) {
            return r;
        }
        return writer.holdFinalizer(r);
    }

    /** Stops and releases a resource marked for deletion, or says when to try again. */
    UpdateControl<CloudRecording> release(CloudRecording r) {
        if (!r.hasFinalizer(CloudRecording.FINALIZER) || released.contains(r.getMetadata().getUid())) {
            return UpdateControl.noUpdate();
        }
        if (CloudRecordingUpdateFilter.isPaused(r) && r.getSpec().getDeletionPolicy() != DeletionPolicy.Orphan
                && CloudRecordingReconciler.taskId(r).isPresent()) {
            pause(r, "; deletion waits until the annotation is removed or deletionPolicy is Orphan");
            return UpdateControl.noUpdate();
        }
        var meta = r.getMetadata();
        return share.run(meta.getNamespace(), meta.getUid(), () -> pace.apply(r), () -> stop(r),
                wait -> UpdateControl.<CloudRecording>noUpdate().rescheduleAfter(wait));
    }

    /** The resource is gone from the API server. */
    void deleted(CloudRecording r) {
        forget.accept(r);
        released.remove(r.getMetadata().getUid());
    }

    /** Shows the pause on the resource ({@code Synced=False ReconcilePaused}) unless it shows already. */
    Step pause(CloudRecording r, String detail) {
        boolean alreadyPaused = r.getStatus() != null && Conditions.find(r.getStatus().getConditions(), Conditions.SYNCED)
                .map(s -> Conditions.REASON_PAUSED.equals(s.getReason())).orElse(false);
        if (alreadyPaused && detail.isEmpty()) {
            return Step.done(r);
        }
        return Step.done(writer.writeStatus(r, transitions.paused(r, detail)));
    }

    private UpdateControl<CloudRecording> stop(CloudRecording r) {
        RecordingStopper.Decision decision = stopper.stop(r, CloudRecordingReconciler.taskId(r).orElse(null));
        UpdateControl<CloudRecording> control = UpdateControl.noUpdate();
        if (decision.release()) {
            writer.releaseFinalizer(r);
            forget.accept(r);
            released.add(r.getMetadata().getUid());
            return control;
        }
        return decision.retryAfter().map(control::rescheduleAfter).orElse(control);
    }
}
