package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;

/**
 * The reconciler's cache of CloudRecordings, without {@code metadata.managedFields}: the operator never reads
 * them (its writes are JSON patches, a locked update that leaves them to the API server, and JOSDK's own
 * server-side apply patches, which carry none), and at thousands of resources they are a large part of each
 * cached object.
 */
public final class CompactRecordingStore extends TransformingItemStore<CloudRecording> {

    public CompactRecordingStore() {
        super(r -> {
            if (r.getMetadata() != null) {
                r.getMetadata().setManagedFields(null);
            }
            return r;
        });
    }
}
