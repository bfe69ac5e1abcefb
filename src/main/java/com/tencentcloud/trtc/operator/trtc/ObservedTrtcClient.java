package com.tencentcloud.trtc.operator.trtc;

import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link TrtcClient} decorator that times every call and tells a {@link TrtcCallListener} its action, result
 * and latency. It changes nothing else: answers and exceptions pass through untouched.
 */
public final class ObservedTrtcClient extends DecoratingTrtcClient {

    private final TrtcCallListener listener;
    private final LongSupplier nanoTime;

    public ObservedTrtcClient(TrtcClient delegate, TrtcCallListener listener) {
        this(delegate, listener, System::nanoTime);
    }

    ObservedTrtcClient(TrtcClient delegate, TrtcCallListener listener, LongSupplier nanoTime) {
        super(delegate);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.nanoTime = nanoTime;
    }

    /** What a failed call counts as: Tencent's code, or a transport result. */
    public static String resultOf(RuntimeException e) {
        if (e instanceof TrtcApiException api) {
            return api.code();
        }
        if (e instanceof TrtcTransportException transport) {
            return transport.outcomeUnknown() ? TrtcCallListener.OUTCOME_UNKNOWN : TrtcCallListener.TRANSPORT_ERROR;
        }
        return TrtcCallListener.NOT_SENT;
    }

    @Override
    protected <T> T around(String action, CallContext context, Supplier<T> call) {
        long start = nanoTime.getAsLong();
        String result = TrtcCallListener.SUCCESS;
        try {
            return call.get();
        } catch (RuntimeException e) {
            result = resultOf(e);
            throw e;
        } finally {
            listener.callFinished(action, result, java.time.Duration.ofNanos(nanoTime.getAsLong() - start));
        }
    }
}
