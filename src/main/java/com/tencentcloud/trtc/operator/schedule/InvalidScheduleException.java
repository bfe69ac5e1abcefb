package com.tencentcloud.trtc.operator.schedule;

/** A schedule, time zone or template the operator cannot use; its reason and message go into the Stalled condition. */
public final class InvalidScheduleException extends Exception {

    public static final String REASON_SCHEDULE = "InvalidSchedule";
    public static final String REASON_TIME_ZONE = "UnknownTimeZone";
    public static final String REASON_TEMPLATE = "InvalidTemplate";

    private final String reason;

    public InvalidScheduleException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
