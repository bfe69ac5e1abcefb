package com.tencentcloud.trtc.operator.emulator;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Why an emulated task exited, with the {@code LeaveCode} of the 302 callback Tencent would send (trtc-api §6.9).
 * The emulator itself ends tasks with {@link #DELETED}, {@link #IDLE_TIMEOUT} and {@link #REPLACED}; the others, and
 * {@link #START_FAILED}, happen only when a test or the control surface asks for them
 * ({@link TrtcEmulator#endTask(String, int)}, {@link Fault#startFailure()}).
 */
public enum ExitReason {
    /** DeleteCloudRecording stopped it. */
    DELETED(0),
    /** The customer kicked the robot out of the room. */
    ROBOT_KICKED(1),
    /** The customer dismissed the room. */
    ROOM_DISMISSED(2),
    /** The server kicked the robot out of the room. */
    ROBOT_KICKED_BY_SERVER(3),
    /** The server dismissed the room. */
    ROOM_DISMISSED_BY_SERVER(4),
    /** The room had no anchor for longer than MaxIdleTime. */
    IDLE_TIMEOUT(99),
    /** The recorder lost the anchors' data for a long time; Tencent advises starting a new task (§6.10). */
    ROOM_TIMEOUT(100),
    /** A new task with the same SdkAppId, RoomId, RoomIdType and robot UserId entered the room. */
    REPLACED(101),
    /** The recorder failed to start: event 301 with {@code Status} 1, and no 302 (its robot never entered). */
    START_FAILED(-1);

    private final int leaveCode;

    ExitReason(int leaveCode) {
        this.leaveCode = leaveCode;
    }

    /** The 302's {@code LeaveCode}; empty for {@link #START_FAILED}, which sends no 302. */
    public OptionalInt leaveCode() {
        return leaveCode < 0 ? OptionalInt.empty() : OptionalInt.of(leaveCode);
    }

    /** The reason a 302 with {@code leaveCode} reports; only the codes Tencent documents exist. */
    public static ExitReason ofLeaveCode(int leaveCode) {
        return Arrays.stream(values()).filter(r -> leaveCode >= 0 && r.leaveCode == leaveCode).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("LeaveCode " + leaveCode + " is not one TRTC documents ("
                        + Arrays.stream(values()).filter(r -> r.leaveCode >= 0).map(r -> String.valueOf(r.leaveCode))
                        .collect(Collectors.joining(", ")) + ")"));
    }
}
