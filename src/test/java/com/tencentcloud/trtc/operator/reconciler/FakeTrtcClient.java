package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link TrtcClient} that answers from a script and records every call. A call with no scripted answer is
 * recorded as unexpected and fails, so a test sees any call it did not plan for.
 */
final class FakeTrtcClient implements TrtcClient {

    private Function<String, java.time.Duration> queue = action -> java.time.Duration.ZERO;

    record Call(String action, CallContext context, Object request) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private final Map<String, Deque<Function<Object, Object>>> once = new HashMap<>();
    private final Map<String, Function<Object, Object>> always = new HashMap<>();

    /** Answers the next call of {@code action} (then the ones after it in the order given). */
    synchronized FakeTrtcClient then(String action, Function<Object, Object> answer) {
        once.computeIfAbsent(action, a -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** Answers every call of {@code action} that has no one-off answer left. */
    synchronized FakeTrtcClient always(String action, Function<Object, Object> answer) {
        always.put(action, answer);
        return this;
    }

    /** Makes {@link #expectedWait} answer {@code queue}: as if others waited for the rate limit. */
    synchronized FakeTrtcClient queueing(Function<String, java.time.Duration> queue) {
        this.queue = queue;
        return this;
    }

    @Override
    public synchronized java.time.Duration expectedWait(String action) {
        return queue.apply(action);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String action) {
        return calls.stream().filter(c -> c.action().equals(action)).toList();
    }

    synchronized List<String> unexpectedCalls() {
        return List.copyOf(unexpected);
    }

    @Override
    public CreateCloudRecordingResponse createCloudRecording(CallContext call, CreateCloudRecordingRequest request) {
        return (CreateCloudRecordingResponse) answer("CreateCloudRecording", call, request);
    }

    @Override
    public DescribeCloudRecordingResponse describeCloudRecording(CallContext call, DescribeCloudRecordingRequest request) {
        return (DescribeCloudRecordingResponse) answer("DescribeCloudRecording", call, request);
    }

    @Override
    public ModifyCloudRecordingResponse modifyCloudRecording(CallContext call, ModifyCloudRecordingRequest request) {
        return (ModifyCloudRecordingResponse) answer("ModifyCloudRecording", call, request);
    }

    @Override
    public DeleteCloudRecordingResponse deleteCloudRecording(CallContext call, DeleteCloudRecordingRequest request) {
        return (DeleteCloudRecordingResponse) answer("DeleteCloudRecording", call, request);
    }

    private Object answer(String action, CallContext call, Object request) {
        Function<Object, Object> answer;
        synchronized (this) {
            calls.add(new Call(action, call, request));
            Deque<Function<Object, Object>> queue = once.get(action);
            answer = queue != null && !queue.isEmpty() ? queue.poll() : always.get(action);
            if (answer == null) {
                unexpected.add(action + " " + request);
                throw new AssertionError("unscripted TRTC call " + action);
            }
        }
        Object result = answer.apply(request);
        if (result instanceof RuntimeException e) {
            throw e;
        }
        return result;
    }
}
