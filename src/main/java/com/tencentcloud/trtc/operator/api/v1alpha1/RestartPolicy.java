package com.tencentcloud.trtc.operator.api.v1alpha1;

/** Whether the operator starts a new task when the service ends a recording's task by fault (design §10). */
public enum RestartPolicy {
    /** Start a new task after a 302 with LeaveCode 100 or a 301 with Status 1, with back-off, up to backoffLimit times. */
    OnFailure,
    /** Never start a new task: the first end of the task is final. */
    Never
}
