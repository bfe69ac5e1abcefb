package com.tencentcloud.trtc.operator.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock in UTC that runs with real time, plus an offset that a test moves forward. Thread-safe. */
public final class RunningClock extends UtcClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
