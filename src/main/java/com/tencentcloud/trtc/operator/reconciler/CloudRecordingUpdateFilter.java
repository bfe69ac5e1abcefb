package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Map;
import java.util.Objects;

/**
 * Which updates of a CloudRecording start a reconcile: a spec change (generation), deletion, the loss of the
 * operator's finalizer (it is given back), or a change of the {@code paused} annotation. JOSDK's generation-aware filter would drop the
 * annotation change, so it is off and this filter takes its place; the operator's own status and
 * annotation writes still start nothing. Like {@link CloudRecordingAddFilter}, it drops the cached resource's
 * {@code managedFields}.
 */
public final class CloudRecordingUpdateFilter implements OnUpdateFilter<CloudRecording> {

    @Override
    public boolean accept(CloudRecording newResource, CloudRecording oldResource) {
        CloudRecordingAddFilter.compact(newResource);
        return !Objects.equals(newResource.getMetadata().getGeneration(), oldResource.getMetadata().getGeneration())
                || newResource.isMarkedForDeletion()
                || (oldResource.hasFinalizer(CloudRecording.FINALIZER) && !newResource.hasFinalizer(CloudRecording.FINALIZER))
                || !Objects.equals(paused(newResource), paused(oldResource));
    }

    static String paused(CloudRecording r) {
        Map<String, String> annotations = r.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(CloudRecording.ANNOTATION_PAUSED);
    }

    /** Whether the resource carries {@code trtc.tencentcloud.com/paused: "true"}. */
    static boolean isPaused(CloudRecording r) {
        return "true".equalsIgnoreCase(paused(r));
    }
}
