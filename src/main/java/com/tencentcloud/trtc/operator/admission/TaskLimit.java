package com.tencentcloud.trtc.operator.admission;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;

/**
 * How many live tasks the SdkAppId of a resource may hold. Keyed by the resource so that a per-account limit
 * (design §12, {@code TrtcAccount.spec.maxConcurrentTasks}) can answer differently for recordings of one application
 * under different accounts; today every resource gets the operator's {@code TRTC_MAX_CONCURRENT_TASKS}.
 */
@FunctionalInterface
public interface TaskLimit {

    /** The limit of live tasks for the SdkAppId of {@code resource}, at least 1. */
    int limitFor(CloudRecording resource);

    /** The same limit for every resource. */
    static TaskLimit fixed(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a task limit must be at least 1, got " + limit);
        }
        return r -> limit;
    }
}
