package com.tencentcloud.trtc.operator.reconciler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, per resource: {@code initial * 2^n}, capped at {@code max}, each delay
 * drawn from [75%, 100%] of that value so that resources failing together do not retry together.
 * The count of a resource restarts after a success ({@link #reset}).
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The delay before the next attempt for {@code key}, counting this failure. */
    public Duration next(String key) {
        int n = attempts.merge(key, 1, Integer::sum) - 1;
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(n, 30));
        long floor = ceiling * 3 / 4;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    /** How many failures in a row {@code key} has had. */
    public int failures(String key) {
        return attempts.getOrDefault(key, 0);
    }

    public void reset(String key) {
        attempts.remove(key);
    }
}
