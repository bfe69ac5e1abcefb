package com.tencentcloud.trtc.operator.emulator;

/**
 * Where an emulated recording task is (trtc-api §6.6).
 * <pre>
 * Create ─► IDLE ⇄ IN_PROGRESS   (a subscribed anchor is in the room, or not)
 * IDLE / IN_PROGRESS ─► EXITED   (DeleteCloudRecording, no anchor for MaxIdleTime, same robot re-entered)
 * EXITED ─► GONE                 (after the exit drain; Describe/Modify/Delete then answer ResourceNotFound)
 * </pre>
 */
public enum TaskState {
    IDLE("Idle"),
    IN_PROGRESS("InProgress"),
    EXITED("Exited"),
    GONE(null);

    private final String wireName;

    TaskState(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code Status} DescribeCloudRecording reports; null for {@link #GONE}, which Describe never reports. */
    public String wireName() {
        return wireName;
    }

    /** Whether the task still has its robot in the room (and counts against the concurrency limit). */
    public boolean live() {
        return this == IDLE || this == IN_PROGRESS;
    }
}
