package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnAddFilter;

/**
 * Accepts every added CloudRecording, and drops its {@code metadata.managedFields} from the cached object on the way
 * ({@link #compact}), and the file list of a finished one ({@link FinishedTrim}).
 */
public final class CloudRecordingAddFilter implements OnAddFilter<CloudRecording> {

    @Override
    public boolean accept(CloudRecording resource) {
        compact(resource);
        return true;
    }

    /**
     * Drops {@code metadata.managedFields} of a resource the informer just stored (the filters see the cached
     * instance). The operator never reads them: its writes are JSON patches, a locked update without them (which
     * the API server takes as "unchanged"), and JOSDK's server-side apply patches, which carry none. They were
     * the largest part of each cached resource (about half of the live heap at 10,000). This is done here rather
     * than with an item store because JOSDK 5.2 hands one configured store to the informers of all watched
     * namespaces, which must not share one.
     */
    static void compact(CloudRecording resource) {
        if (resource.getMetadata() != null && resource.getMetadata().getManagedFields() != null) {
            resource.getMetadata().setManagedFields(null);
        }
        FinishedTrim.trim(resource);
    }
}
