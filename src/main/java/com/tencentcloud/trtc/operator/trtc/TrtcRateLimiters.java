package com.tencentcloud.trtc.operator.trtc;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One {@link TrtcRateLimiter} per Tencent account, as Tencent counts its limits (trtc-api §6.10): calls with a
 * {@link CallContext.RateBudget} share the limiter of their SecretId, so two references to one account share one
 * budget and two accounts drain in parallel, each at its own rate; calls without one share the default limiter.
 *
 * <p>A SecretId's limiter is made at its budget's rate on first use; a later call with another rate (the account's
 * {@code rateLimit} changed) replaces it, so the new rate holds from then on. Thread-safe.
 */
public final class TrtcRateLimiters {

    /** Told when a budget's account is first seen, so that metrics can show it. */
    @FunctionalInterface
    public interface Listener {

        /** Calls for {@code account} are now limited; {@link #currentRate} reads its rate. */
        void accountSeen(String account);
    }

    private record Held(String account, TrtcRateLimiter limiter) {
    }

    private final TrtcRateLimiter defaults;
    private final Function<Double, TrtcRateLimiter> factory;
    private final Listener listener;
    private final Map<String, Held> bySecretId = new ConcurrentHashMap<>();

    /**
     * @param defaults the limiter of calls without a budget
     * @param factory  makes a limiter of the given requests per second
     * @param listener told of every limiter made
     */
    public TrtcRateLimiters(TrtcRateLimiter defaults, Function<Double, TrtcRateLimiter> factory, Listener listener) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** One default limiter of {@code perSecond}, accounts' limiters on the system clock. */
    public TrtcRateLimiters(double perSecond, Listener listener) {
        this(new TrtcRateLimiter(perSecond), TrtcRateLimiter::new, listener);
    }

    /** The limiter of calls without a budget. */
    public TrtcRateLimiter defaults() {
        return defaults;
    }

    /** The limiter {@code call} counts against. */
    public TrtcRateLimiter limiterFor(CallContext call) {
        CallContext.RateBudget budget = call.budget();
        if (budget == null) {
            return defaults;
        }
        String secretId = call.credentials().secretId();
        Held held = bySecretId.get(secretId);
        if (held != null && held.limiter().limit() == budget.perSecond()) {
            return held.limiter();
        }
        boolean seen;
        synchronized (this) {
            held = bySecretId.get(secretId);
            if (held != null && held.limiter().limit() == budget.perSecond()) {
                return held.limiter();
            }
            seen = bySecretId.values().stream().anyMatch(h -> h.account().equals(budget.account()));
            held = new Held(budget.account(), factory.apply(budget.perSecond()));
            bySecretId.put(secretId, held);
        }
        if (!seen) {
            listener.accountSeen(budget.account());
        }
        return held.limiter();
    }

    /** The rate {@code action} of the account named {@code account} is limited to now; 0 when none is held. */
    public double currentRate(String account, String action) {
        return bySecretId.values().stream().filter(h -> h.account().equals(account)).findFirst()
                .map(h -> h.limiter().currentRate(action)).orElse(0d);
    }

    /** The longest wait any limiter expects for {@code action} now. */
    public Duration expectedWait(String action) {
        Duration longest = defaults.expectedWait(action);
        for (Held held : bySecretId.values()) {
            Duration wait = held.limiter().expectedWait(action);
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        return longest;
    }
}
