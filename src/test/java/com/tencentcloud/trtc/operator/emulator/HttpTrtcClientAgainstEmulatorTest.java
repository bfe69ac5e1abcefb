package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import com.tencentcloud.trtc.operator.trtc.TrtcErrorClass;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import com.tencentcloud.trtc.operator.trtc.TrtcTransportException;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.MixLayoutParams;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.StorageFile;
import com.tencentcloud.trtc.operator.trtc.model.SubscribeStreamUserIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our own client against the emulator: the vendor-SDK cases, plus every fault mode and what the client makes of it. */
class HttpTrtcClientAgainstEmulatorTest extends EmulatorFixture {

    private static final long APP = 1400000001L;
    private static final CallContext CALL = new CallContext(KEY, "ap-guangzhou");

    private HttpTrtcClient client;

    @Override
    TrtcEmulator.Builder configure(TrtcEmulator.Builder builder) {
        return builder.random(new Random(7));
    }

    @BeforeEach
    void newClient() {
        client = new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()), clock, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private static CreateCloudRecordingRequest createRequest() {
        return createRequest(request -> { });
    }

    /** The fixture's request, with {@code edit} applied to its JSON first. */
    private static CreateCloudRecordingRequest createRequest(Consumer<ObjectNode> edit) {
        ObjectNode request = fixture("create-cos-single.json");
        edit.accept(request);
        try {
            return TrtcJson.mapper().treeToValue(request, CreateCloudRecordingRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DescribeCloudRecordingRequest describe(String taskId) {
        return new DescribeCloudRecordingRequest(APP, taskId, null);
    }

    @Test
    void ourClientDrivesAllFourActions() {
        String taskId = client.createCloudRecording(CALL, createRequest()).taskId();
        emulator.anchorJoins(APP, "1234", 1, "alice");

        DescribeCloudRecordingResponse described = client.describeCloudRecording(CALL, describe(taskId));
        assertThat(described.status()).isEqualTo("InProgress");
        assertThat(described.requestId()).isNotBlank();
        assertThat(described.storageFileList()).extracting(StorageFile::trackType).containsExactly("audio", "video");

        MixLayoutParams layout = new MixLayoutParams(
                1L, null, null, null, null, null, null, null, null, null, null, null, null);
        SubscribeStreamUserIds subscription = new SubscribeStreamUserIds(null, List.of("bob"), null, null);
        assertThat(client.modifyCloudRecording(CALL, new ModifyCloudRecordingRequest(
                APP, taskId, layout, subscription)).taskId()).isEqualTo(taskId);
        assertThat(emulator.task(taskId).orElseThrow().mixLayoutParams()).isEqualTo(layout);
        assertThat(emulator.task(taskId).orElseThrow().subscribeStreamUserIds()).isEqualTo(subscription);

        assertThat(client.deleteCloudRecording(CALL, new DeleteCloudRecordingRequest(APP, taskId))
                .taskId()).isEqualTo(taskId);
        assertThat(client.describeCloudRecording(CALL, describe(taskId)).status()).isEqualTo("Exited");
        clock.advance(DRAIN);
        TrtcApiException gone = catchThrowableOfType(TrtcApiException.class,
                () -> client.describeCloudRecording(CALL, describe(taskId)));
        assertThat(gone.code()).isEqualTo("ResourceNotFound");
        assertThat(gone.errorClass()).isEqualTo(TrtcErrorClass.TASK_GONE);
    }

    @Test
    void aWrongKeyIsATerminalSignatureFailure() {
        CallContext wrong = new CallContext(new Credentials(KEY.secretId(), "wrong-secret-key"), "ap-guangzhou");

        TrtcApiException e = catchThrowableOfType(TrtcApiException.class, () -> client.createCloudRecording(wrong, createRequest()));

        assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(e.requestId()).isNotBlank();
        assertThat(e.errorClass()).isEqualTo(TrtcErrorClass.TERMINAL);
        assertThat(emulator.tasks()).isEmpty();
    }

    @Test
    void aMissingParameterIsATerminalMissingParameterCode() {
        TrtcApiException e = catchThrowableOfType(TrtcApiException.class,
                () -> client.createCloudRecording(CALL, createRequest(request -> request.remove("UserSig"))));

        assertThat(e.code()).isEqualTo("MissingParameter.UserSig");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aBurstOverTheRateLimitIsRetryableRequestLimitExceeded() {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            try {
                client.describeCloudRecording(CALL, describe("no-such-task"));
            } catch (TrtcApiException e) {
                outcomes.add(e.code() + (e.retryable() ? "/retryable" : ""));
            }
        }

        assertThat(outcomes.subList(0, 20)).containsOnly("ResourceNotFound");
        assertThat(outcomes.subList(20, 22)).containsOnly("RequestLimitExceeded/retryable");
    }

    @Test
    void anInjectedErrorCodeReachesTheCallerWithItsClass() {
        emulator.faults().inject(Action.CREATE, Fault.error("InternalError.CRInternalError").withRate(0.5));
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String robot = "robot" + i;
            try {
                client.createCloudRecording(CALL, createRequest(request -> request.put("UserId", robot)));
                failed.add(false);
            } catch (TrtcApiException e) {
                assertThat(e.code()).isEqualTo("InternalError.CRInternalError");
                assertThat(e.retryable()).isTrue();
                failed.add(true);
            }
        }

        assertThat(failed).contains(true, false);
        assertThat(emulator.tasks()).hasSize((int) failed.stream().filter(f -> !f).count());
    }

    @Test
    void latencyBelowTheCallTimeoutOnlySlowsTheCall() {
        emulator.faults().inject(Action.DESCRIBE, Fault.latency(Duration.ofMillis(200)));

        TrtcApiException e = catchThrowableOfType(TrtcApiException.class,
                () -> client.describeCloudRecording(CALL, describe("no-such-task")));

        assertThat(e.code()).isEqualTo("ResourceNotFound");
    }

    @Test
    void latencyBeyondTheCallTimeoutLeavesTheOutcomeUnknown() {
        emulator.faults().inject(Action.CREATE, Fault.latency(Duration.ofMillis(2500)).times(1));

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> client.createCloudRecording(CALL, createRequest()));

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anHttp5xxIsATransportErrorWithUnknownOutcome() {
        emulator.faults().inject(Action.DELETE, Fault.httpStatus(503));

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> client.deleteCloudRecording(CALL, new DeleteCloudRecordingRequest(APP, "t")));

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.getMessage()).contains("503");
    }

    @Test
    void commitThenDropLeavesTheOutcomeUnknownAndARetryWithTheSameRobotReplacesTheTask() {
        emulator.faults().inject(Action.CREATE, Fault.commitThenDrop().times(1));

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> client.createCloudRecording(CALL, createRequest()));
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(emulator.tasks()).singleElement().extracting(TaskSnapshot::state).isEqualTo(TaskState.IDLE);
        assertThat(emulator.callCount(Action.CREATE)).as("the client did not re-send on its own").isEqualTo(1);

        String retried = client.createCloudRecording(CALL, createRequest()).taskId();

        assertThat(emulator.tasks()).extracting(TaskSnapshot::state).containsExactly(TaskState.EXITED, TaskState.IDLE);
        assertThat(emulator.tasks().get(1).taskId()).isEqualTo(retried);
        assertThat(emulator.tasks().get(0).exitReason()).isEqualTo(ExitReason.REPLACED);
    }

    @Test
    void aStoppedEmulatorIsATransportErrorThatWasNeverSent() {
        emulator.close();

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> client.describeCloudRecording(CALL, describe("t")));

        assertThat(e.outcomeUnknown()).isFalse();
    }
}
