package com.tencentcloud.trtc.operator.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected misbehaviour of an action, see {@link Faults}.
 *
 * <ul>
 *   <li>{@link #error(String, String)}: answer an HTTP 200 error envelope with this code instead of doing the call;</li>
 *   <li>{@link #latency(Duration)}: wait (real time) before handling the call, which then proceeds normally;</li>
 *   <li>{@link #httpStatus(int)}: answer this HTTP status with a plain-text body and no envelope, without doing the call;</li>
 *   <li>{@link #commitThenDrop()}: do the call (a Create starts its task) and close the connection without answering,
 *       so the caller cannot know the outcome;</li>
 *   <li>{@link #startFailure()} (CreateCloudRecording only): answer the Create with its TaskId as usual, but the
 *       recorder fails to start: event 301 with {@code Status} 1, and the task ends at once
 *       ({@link ExitReason#START_FAILED}).</li>
 * </ul>
 * Each fault fires with probability {@code rate} (1 = always) and, when {@code times} is set, at most that many times.
 *
 * @param times how many more times it may fire; negative = unlimited
 */
public record Fault(Kind kind, String code, String message, Duration latency, int httpStatus, double rate, int times) {

    public enum Kind { ERROR, LATENCY, HTTP_STATUS, COMMIT_THEN_DROP, START_FAILURE }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
        }
        if (kind == Kind.ERROR && (code == null || code.isBlank())) {
            throw new IllegalArgumentException("an error fault needs a code");
        }
        if (kind == Kind.HTTP_STATUS && (httpStatus < 100 || httpStatus > 599 || httpStatus == 200)) {
            throw new IllegalArgumentException("an HTTP status fault needs a status other than 200: " + httpStatus);
        }
    }

    public static Fault error(String code, String message) {
        return new Fault(Kind.ERROR, code, message, Duration.ZERO, 0, 1, -1);
    }

    public static Fault error(String code) {
        return error(code, "Injected by the emulator: " + code + ".");
    }

    public static Fault latency(Duration latency) {
        return new Fault(Kind.LATENCY, null, null, Objects.requireNonNull(latency), 0, 1, -1);
    }

    public static Fault httpStatus(int status) {
        return new Fault(Kind.HTTP_STATUS, null, null, Duration.ZERO, status, 1, -1);
    }

    public static Fault commitThenDrop() {
        return new Fault(Kind.COMMIT_THEN_DROP, null, null, Duration.ZERO, 0, 1, -1);
    }

    public static Fault startFailure() {
        return new Fault(Kind.START_FAILURE, null, null, Duration.ZERO, 0, 1, -1);
    }

    /** The same fault, firing with probability {@code rate}. */
    public Fault withRate(double rate) {
        return new Fault(kind, code, message, latency, httpStatus, rate, times);
    }

    /** The same fault, firing at most {@code times} times. */
    public Fault times(int times) {
        return new Fault(kind, code, message, latency, httpStatus, rate, times);
    }
}
