package com.tencentcloud.trtc.operator.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock in UTC that stands still at the instant a test sets, until the test moves it. Thread-safe. */
public final class SettableClock extends UtcClock {

    private final AtomicReference<Instant> now;

    public SettableClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    /** A clock standing at the moment it was made. */
    public static SettableClock atNow() {
        return new SettableClock(Instant.now());
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration by) {
        now.updateAndGet(n -> n.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
