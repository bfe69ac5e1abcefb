package com.tencentcloud.trtc.operator.api.v1alpha1;

/** What deleting a CloudRecording does to its task. */
public enum DeletionPolicy {
    /** Stop the task with DeleteCloudRecording, then release the resource. */
    Delete,
    /** Release the resource and leave the task running until the room is idle. */
    Orphan
}
