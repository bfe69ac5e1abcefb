package com.tencentcloud.trtc.operator.trtc;

import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link TrtcClient} that passes every action to {@code delegate} through one {@link #around} step, so a
 * decorator (rate limiting, metrics) says once what it does to a call, whatever the action.
 */
abstract class DecoratingTrtcClient implements TrtcClient {

    private final TrtcClient delegate;

    DecoratingTrtcClient(TrtcClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Runs {@code call}, the delegate's answer to {@code action} made in {@code context}, with this decorator's work around it. */
    protected abstract <T> T around(String action, CallContext context, Supplier<T> call);

    @Override
    public final CreateCloudRecordingResponse createCloudRecording(CallContext call, CreateCloudRecordingRequest request) {
        return around(HttpTrtcClient.CREATE, call, () -> delegate.createCloudRecording(call, request));
    }

    @Override
    public final DescribeCloudRecordingResponse describeCloudRecording(CallContext call, DescribeCloudRecordingRequest request) {
        return around(HttpTrtcClient.DESCRIBE, call, () -> delegate.describeCloudRecording(call, request));
    }

    @Override
    public final ModifyCloudRecordingResponse modifyCloudRecording(CallContext call, ModifyCloudRecordingRequest request) {
        return around(HttpTrtcClient.MODIFY, call, () -> delegate.modifyCloudRecording(call, request));
    }

    @Override
    public final DeleteCloudRecordingResponse deleteCloudRecording(CallContext call, DeleteCloudRecordingRequest request) {
        return around(HttpTrtcClient.DELETE, call, () -> delegate.deleteCloudRecording(call, request));
    }

    @Override
    public Duration expectedWait(String action) {
        return delegate.expectedWait(action);
    }

    @Override
    public Duration expectedWait(CallContext call, String action) {
        return delegate.expectedWait(call, action);
    }
}
