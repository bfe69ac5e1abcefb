package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import java.time.Duration;
import java.util.Optional;

/**
 * What a reconcile step leaves behind: the resource as last written, and when to look at it again
 * (empty: only when something about it changes).
 */
public record Step(CloudRecording resource, Optional<Duration> requeueAfter) {

    public static Step done(CloudRecording resource) {
        return new Step(resource, Optional.empty());
    }

    public static Step requeue(CloudRecording resource, Duration after) {
        return new Step(resource, Optional.of(after));
    }
}
