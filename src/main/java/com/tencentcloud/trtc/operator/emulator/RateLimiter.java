package com.tencentcloud.trtc.operator.emulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Tencent's frequency limit (trtc-api §3): at most {@code perSecond} accepted requests per action per SecretId in
 * any sliding one-second window of the emulator clock; the next one is refused with {@code RequestLimitExceeded}
 * and does not count.
 */
final class RateLimiter {

    private record Key(Action action, String secretId) {
    }

    private final Clock clock;
    private final int perSecond;
    private final Map<Key, Deque<Long>> windows = new HashMap<>();

    RateLimiter(Clock clock, int perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }

    synchronized void acquire(Action action, String secretId) {
        long now = clock.millis();
        Deque<Long> window = windows.computeIfAbsent(new Key(action, secretId), k -> new ArrayDeque<>());
        while (!window.isEmpty() && window.peekFirst() <= now - 1000) {
            window.pollFirst();
        }
        if (window.size() >= perSecond) {
            throw new ApiError("RequestLimitExceeded", "Your current request times equals to `" + (window.size() + 1)
                    + "` in a second, which exceeds the frequency limit `" + perSecond
                    + "` for a second. Please reduce the frequency of calls.");
        }
        window.addLast(now);
    }
}
