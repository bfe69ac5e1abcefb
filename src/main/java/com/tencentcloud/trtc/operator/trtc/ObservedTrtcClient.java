package com.tencentcloud.trtc.operator.trtc;

import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link TrtcClient} decorator that times every call and tells a {@link TrtcCallListener} its action, result
 * and latency. It changes nothing else: answers and exceptions pass through untouched.
 */
public final class ObservedTrtcClient implements TrtcClient {

    private final TrtcClient delegate;
    private final TrtcCallListener listener;
    private final LongSupplier nanoTime;

    public ObservedTrtcClient(TrtcClient delegate, TrtcCallListener listener) {
        this(delegate, listener, System::nanoTime);
    }

    ObservedTrtcClient(TrtcClient delegate, TrtcCallListener listener, LongSupplier nanoTime) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
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
    public CreateCloudRecordingResponse createCloudRecording(CallContext call, CreateCloudRecordingRequest request) {
        return observe(HttpTrtcClient.CREATE, () -> delegate.createCloudRecording(call, request));
    }

    @Override
    public DescribeCloudRecordingResponse describeCloudRecording(CallContext call, DescribeCloudRecordingRequest request) {
        return observe(HttpTrtcClient.DESCRIBE, () -> delegate.describeCloudRecording(call, request));
    }

    @Override
    public ModifyCloudRecordingResponse modifyCloudRecording(CallContext call, ModifyCloudRecordingRequest request) {
        return observe(HttpTrtcClient.MODIFY, () -> delegate.modifyCloudRecording(call, request));
    }

    @Override
    public DeleteCloudRecordingResponse deleteCloudRecording(CallContext call, DeleteCloudRecordingRequest request) {
        return observe(HttpTrtcClient.DELETE, () -> delegate.deleteCloudRecording(call, request));
    }

    private <T> T observe(String action, Supplier<T> call) {
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
