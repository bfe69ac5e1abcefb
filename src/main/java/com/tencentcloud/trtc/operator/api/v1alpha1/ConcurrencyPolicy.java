package com.tencentcloud.trtc.operator.api.v1alpha1;

/** What a CloudRecordingSchedule does when a slot comes while an earlier child is still live (as a CronJob's). */
public enum ConcurrencyPolicy {
    /** Start the new child beside the live ones; each child has its own recorder user id. */
    Allow,
    /** Skip the slot while a child is live (an Event says so); the default. */
    Forbid,
    /** Delete the live children, then start the new one. */
    Replace
}
