package com.tencentcloud.trtc.operator.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected misbehaviour of the emulator's callback delivery ({@link CallbackSender}).
 *
 * <ul>
 *   <li>{@code DROP}: the callback is never sent (as if every retry was lost);</li>
 *   <li>{@code REPEAT}: it is delivered twice;</li>
 *   <li>{@code DELAY}: its first attempt waits {@code delay};</li>
 *   <li>{@code REORDER}: it is held back and sent right after the next callback of the same task.</li>
 * </ul>
 *
 * @param eventType the event it applies to (301…312), or 0 for any
 * @param times     how many callbacks it still applies to; negative = unlimited
 */
public record CallbackFault(Kind kind, int eventType, Duration delay, int times) {

    public enum Kind { DROP, REPEAT, DELAY, REORDER }

    public CallbackFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (eventType != 0 && (eventType < 301 || eventType > 312)) {
            throw new IllegalArgumentException("eventType is 0 (any) or 301 to 312, not " + eventType);
        }
    }

    public static CallbackFault of(Kind kind, int eventType) {
        return new CallbackFault(kind, eventType, Duration.ZERO, 1);
    }

    public static CallbackFault delay(int eventType, Duration delay) {
        return new CallbackFault(Kind.DELAY, eventType, delay, 1);
    }

    public CallbackFault times(int n) {
        return new CallbackFault(kind, eventType, delay, n);
    }

    boolean appliesTo(int type) {
        return times != 0 && (eventType == 0 || eventType == type);
    }
}
