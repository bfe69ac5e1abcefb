package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RateLimitedTrtcClientTest {

    private static final CallContext CALL = new CallContext(new Credentials("AKIDx", "key", null), "ap-guangzhou");

    /** Answers every action with what {@code answer} gives and counts the calls. */
    static final class ScriptedClient implements TrtcClient {
        final AtomicInteger calls = new AtomicInteger();
        Supplier<Object> answer = () -> new CreateCloudRecordingResponse("t", "r");

        private Object next() {
            calls.incrementAndGet();
            Object o = answer.get();
            if (o instanceof RuntimeException e) {
                throw e;
            }
            return o;
        }

        @Override
        public CreateCloudRecordingResponse createCloudRecording(CallContext call, CreateCloudRecordingRequest request) {
            return (CreateCloudRecordingResponse) next();
        }

        @Override
        public DescribeCloudRecordingResponse describeCloudRecording(CallContext call, DescribeCloudRecordingRequest request) {
            return (DescribeCloudRecordingResponse) next();
        }

        @Override
        public ModifyCloudRecordingResponse modifyCloudRecording(CallContext call, ModifyCloudRecordingRequest request) {
            return (ModifyCloudRecordingResponse) next();
        }

        @Override
        public DeleteCloudRecordingResponse deleteCloudRecording(CallContext call, DeleteCloudRecordingRequest request) {
            return (DeleteCloudRecordingResponse) next();
        }
    }

    record Finished(String action, String result) {
    }

    static final class RecordingListener implements TrtcCallListener {
        final List<Finished> finished = new ArrayList<>();
        final List<String> waited = new ArrayList<>();

        @Override
        public synchronized void callFinished(String action, String result, Duration latency) {
            finished.add(new Finished(action, result));
        }

        @Override
        public synchronized void permitWaited(String action, Duration w) {
            waited.add(action);
        }
    }

    private final TrtcRateLimiterTest.FakeTime time = new TrtcRateLimiterTest.FakeTime();
    private final TrtcRateLimiter limiter = new TrtcRateLimiter(20, Duration.ofSeconds(30), time, time);
    private final ScriptedClient transport = new ScriptedClient();
    private final RecordingListener listener = new RecordingListener();
    private final TrtcClient client = new RateLimitedTrtcClient(new ObservedTrtcClient(transport, listener), limiter, listener);

    @Test
    void everyCallTakesAPermitAndIsCountedWithItsResult() {
        client.createCloudRecording(CALL, new CreateCloudRecordingRequest(
                null, null, null, null, null, null, null, null, null, null, null));
        transport.answer = () -> new TrtcApiException("CreateCloudRecording", "InvalidParameter.SdkAppId", "bad", "req");
        assertThatThrownBy(() -> client.createCloudRecording(CALL, new CreateCloudRecordingRequest(
                null, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(TrtcApiException.class);
        transport.answer = () -> new TrtcTransportException("CreateCloudRecording", "read timed out", true, null);
        assertThatThrownBy(() -> client.createCloudRecording(CALL, new CreateCloudRecordingRequest(
                null, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(TrtcTransportException.class);
        transport.answer = () -> new TrtcTransportException("DeleteCloudRecording", "connection refused", false, null);
        assertThatThrownBy(() -> client.deleteCloudRecording(CALL, new DeleteCloudRecordingRequest(null, null)))
                .isInstanceOf(TrtcTransportException.class);

        assertThat(listener.waited).containsExactly("CreateCloudRecording", "CreateCloudRecording",
                "CreateCloudRecording", "DeleteCloudRecording");
        assertThat(listener.finished).containsExactly(
                new Finished("CreateCloudRecording", "Success"),
                new Finished("CreateCloudRecording", "InvalidParameter.SdkAppId"),
                new Finished("CreateCloudRecording", "OutcomeUnknown"),
                new Finished("DeleteCloudRecording", "TransportError"));
        assertThat(limiter.currentRate("CreateCloudRecording")).isEqualTo(20);
    }

    @Test
    void aServerThrottleSlowsOnlyThatActionAndIsPassedOn() {
        transport.answer = () -> new TrtcApiException("DescribeCloudRecording", "RequestLimitExceeded.IPLimitExceeded",
                "too many", "req");
        assertThatThrownBy(() -> client.describeCloudRecording(CALL, new DescribeCloudRecordingRequest(
                null, null, null)))
                .isInstanceOfSatisfying(TrtcApiException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(limiter.currentRate("DescribeCloudRecording")).isEqualTo(10);
        assertThat(limiter.currentRate("CreateCloudRecording")).isEqualTo(20);

        transport.answer = () -> new TrtcApiException("DescribeCloudRecording", "LimitExceeded", "quota", "req");
        assertThatThrownBy(() -> client.describeCloudRecording(CALL, new DescribeCloudRecordingRequest(
                null, null, null)));
        assertThat(limiter.currentRate("DescribeCloudRecording")).as("a quota is not a request rate").isEqualTo(10);
    }

    @Test
    void anInterruptedWaitSendsNothingAndSaysSo() {
        TrtcRateLimiter blocking = new TrtcRateLimiter(20, Duration.ofSeconds(30), time, nanos -> {
            throw new InterruptedException();
        });
        TrtcClient limited = new RateLimitedTrtcClient(transport, blocking, listener);
        limited.createCloudRecording(CALL, new CreateCloudRecordingRequest(
                null, null, null, null, null, null, null, null, null, null, null));
        assertThatThrownBy(() -> limited.createCloudRecording(CALL, new CreateCloudRecordingRequest(
                null, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(TrtcTransportException.class, e -> {
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.getMessage()).contains("not sent");
                });
        assertThat(Thread.interrupted()).isTrue();
        assertThat(transport.calls.get()).isEqualTo(1);
    }
}
