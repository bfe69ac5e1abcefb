package com.tencentcloud.trtc.operator.emulator;

/** Why an emulated task exited, with the {@code LeaveCode} of the 302 callback Tencent would send (trtc-api §6.9). */
public enum ExitReason {
    /** DeleteCloudRecording stopped it. */
    DELETED(0),
    /** The application dismissed the room (the emulator's way to end a task from outside, as the sandbox and tests do). */
    ROOM_DISMISSED(2),
    /** The room had no anchor for longer than MaxIdleTime. */
    IDLE_TIMEOUT(99),
    /** A new task with the same SdkAppId, RoomId, RoomIdType and robot UserId entered the room. */
    REPLACED(101);

    private final int leaveCode;

    ExitReason(int leaveCode) {
        this.leaveCode = leaveCode;
    }

    public int leaveCode() {
        return leaveCode;
    }
}
