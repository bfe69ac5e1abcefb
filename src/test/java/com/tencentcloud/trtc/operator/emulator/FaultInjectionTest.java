package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends EmulatorFixture {

    private static final String DESCRIBE = "{\"SdkAppId\":1400000001,\"TaskId\":\"no-such-task\"}";

    @Override
    TrtcEmulator.Builder configure(TrtcEmulator.Builder builder) {
        return builder.random(new Random(42)).rateLimitPerSecond(1000);
    }

    @Test
    void anInjectedErrorIsAnsweredInsteadOfDoingTheCall() {
        emulator.faults().inject(Action.CREATE, Fault.error("InternalError.CRInternalError").times(2));

        SignedCall.Answer first = create(fixture("create-cos-single.json"));
        SignedCall.Answer second = create(fixture("create-cos-single.json"));
        SignedCall.Answer third = create(fixture("create-cos-single.json"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.code()).isEqualTo("InternalError.CRInternalError");
        assertThat(first.requestId()).isNotBlank();
        assertThat(second.code()).isEqualTo("InternalError.CRInternalError");
        assertThat(third.code()).isNull();
        assertThat(emulator.tasks()).hasSize(1);
        assertThat(emulator.faults().of(Action.CREATE)).isEmpty();
    }

    @Test
    void anErrorAtARateFiresForAboutThatShareOfCallsAndOnlyForItsAction() {
        emulator.faults().inject(Action.DESCRIBE, Fault.error("RequestLimitExceeded").withRate(0.5));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            codes.add(call("DescribeCloudRecording").body(DESCRIBE).send().code());
        }

        assertThat(codes.stream().filter("RequestLimitExceeded"::equals).count()).isBetween(70L, 130L);
        assertThat(codes).containsOnly("RequestLimitExceeded", "ResourceNotFound");
        assertThat(call("DeleteCloudRecording").body(DESCRIBE).send().code()).isEqualTo("ResourceNotFound");
    }

    @Test
    void latencyDelaysTheAnswerWhichIsThenNormal() {
        emulator.faults().inject(Action.DESCRIBE, Fault.latency(Duration.ofMillis(300)));

        long started = System.nanoTime();
        SignedCall.Answer answer = call("DescribeCloudRecording").body(DESCRIBE).send();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(answer.code()).isEqualTo("ResourceNotFound");
        assertThat(emulator.calls().get(0).latency()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anHttpStatusFaultAnswersWithoutAnEnvelopeAndDoesNothing() {
        emulator.faults().inject(Action.CREATE, Fault.httpStatus(503).times(1));

        SignedCall.Answer answer = create(fixture("create-cos-single.json"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).isNull();
        assertThat(emulator.tasks()).isEmpty();
        assertThat(emulator.calls()).extracting(CallRecord::outcome).containsExactly("HTTP 503");
    }

    @Test
    void commitThenDropCreatesTheTaskButTheCallerGetsNoAnswer() {
        emulator.faults().inject(Action.CREATE, Fault.commitThenDrop().times(1));

        assertThatThrownBy(() -> create(fixture("create-cos-single.json"))).isInstanceOf(UncheckedIOException.class);

        assertThat(emulator.tasks()).singleElement().extracting(TaskSnapshot::state).isEqualTo(TaskState.IDLE);
        assertThat(emulator.calls()).extracting(CallRecord::outcome).containsExactly("DROPPED");
        assertThat(emulator.callCount(Action.CREATE)).isEqualTo(1);
        SignedCall.Answer retry = create(fixture("create-cos-single.json"));
        assertThat(retry.code()).isNull();
        assertThat(emulator.tasks()).extracting(TaskSnapshot::state).containsExactly(TaskState.EXITED, TaskState.IDLE);
    }

    @Test
    void commitThenDropOnDeleteStopsTheTask() {
        String taskId = create(fixture("create-cos-single.json")).response().path("TaskId").asText();
        emulator.faults().inject(Action.DELETE, Fault.commitThenDrop());

        assertThatThrownBy(() -> delete(1400000001L, taskId)).isInstanceOf(UncheckedIOException.class);

        assertThat(emulator.task(taskId).orElseThrow().exitReason()).isEqualTo(ExitReason.DELETED);
        assertThat(emulator.calls()).extracting(CallRecord::outcome).containsExactly("OK", "DROPPED");
    }

    @Test
    void faultsDoNotApplyToCallsThatFailAuthentication() {
        emulator.faults().inject(Action.DESCRIBE, Fault.httpStatus(500));

        assertThat(call("DescribeCloudRecording").body(DESCRIBE).region(null).send().code()).isEqualTo("MissingParameter");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).send().status()).isEqualTo(500);
    }

    @Test
    void clearRemovesEveryFault() {
        emulator.faults().inject(Action.DESCRIBE, Fault.httpStatus(500)).inject(Action.CREATE, Fault.commitThenDrop());
        emulator.faults().clear();

        assertThat(call("DescribeCloudRecording").body(DESCRIBE).send().code()).isEqualTo("ResourceNotFound");
    }
}
