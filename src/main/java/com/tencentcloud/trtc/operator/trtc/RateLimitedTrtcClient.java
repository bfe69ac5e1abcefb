package com.tencentcloud.trtc.operator.trtc;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link TrtcClient} decorator that takes a permit from the call's {@link TrtcRateLimiter} (one per Tencent
 * account, see {@link TrtcRateLimiters}) before every call and gives it back when the answer came back, so that all
 * reconcile threads together stay within Tencent's per-action, per-account limit.
 *
 * <p>A caller waits for its permit rather than failing; waiting callers are served round-robin across the
 * {@linkplain CallContext#tenant() tenants} of their calls. If the thread is interrupted while waiting (the operator
 * is stopping), nothing is sent and a {@link TrtcTransportException} with {@code outcomeUnknown() == false} is
 * thrown. An answer of {@code RequestLimitExceeded} or one of its sub-codes tells the limiter to slow that action
 * down ({@link TrtcRateLimiter#throttled(String)}); the exception is passed on unchanged, for the caller's backoff.
 */
public final class RateLimitedTrtcClient extends DecoratingTrtcClient {

    private static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";

    private final TrtcRateLimiters limiters;
    private final TrtcCallListener listener;

    /** Every call counts against {@code limiter}. */
    public RateLimitedTrtcClient(TrtcClient delegate, TrtcRateLimiter limiter, TrtcCallListener listener) {
        this(delegate, new TrtcRateLimiters(limiter, TrtcRateLimiter::new, account -> { }), listener);
    }

    /** A call counts against the limiter of its account ({@link TrtcRateLimiters#limiterFor}). */
    public RateLimitedTrtcClient(TrtcClient delegate, TrtcRateLimiters limiters, TrtcCallListener listener) {
        super(delegate);
        this.limiters = Objects.requireNonNull(limiters, "limiters");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    protected <T> T around(String action, CallContext context, Supplier<T> call) {
        TrtcRateLimiter limiter = limiters.limiterFor(context);
        TrtcRateLimiter.Permit permit;
        try {
            permit = limiter.acquire(action, context.tenant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrtcTransportException(action, "interrupted while waiting for a rate-limit permit;"
                    + " the request was not sent", false, e);
        }
        try (permit) {
            listener.permitWaited(action, permit.waited());
            listener.permitGranted(context.budget() == null ? TrtcCallListener.DEFAULT_ACCOUNT : context.budget().account(), action);
            return call.get();
        } catch (TrtcApiException e) {
            if (e.code().equals(REQUEST_LIMIT_EXCEEDED) || e.code().startsWith(REQUEST_LIMIT_EXCEEDED + ".")) {
                limiter.throttled(action);
            }
            throw e;
        }
    }

    @Override
    public Duration expectedWait(String action) {
        return limiters.expectedWait(action);
    }

    @Override
    public Duration expectedWait(CallContext call, String action) {
        return limiters.limiterFor(call).expectedWait(action);
    }
}
