package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.trtc.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest extends EmulatorFixture {

    private static final Credentials OTHER_KEY = new Credentials("AKIDemulatortest0000000000000000002", "another-secret-key");
    private static final String DESCRIBE = "{\"SdkAppId\":1400000001,\"TaskId\":\"no-such-task\"}";

    @Override
    TrtcEmulator.Builder configure(TrtcEmulator.Builder builder) {
        return builder.credential(OTHER_KEY).maxLiveTasksPerApp(3);
    }

    @Test
    void theTwentyFirstCallOfAnActionWithinASecondIsRequestLimitExceeded() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            codes.add(call("DescribeCloudRecording").body(DESCRIBE).send().code());
        }

        assertThat(codes.subList(0, 20)).containsOnly("ResourceNotFound");
        assertThat(codes.get(20)).isEqualTo("RequestLimitExceeded");
        assertThat(call("DeleteCloudRecording").body(DESCRIBE).send().code()).isEqualTo("ResourceNotFound");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).key(OTHER_KEY).send().code()).isEqualTo("ResourceNotFound");

        clock.advance(Duration.ofMillis(999));
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).send().code()).isEqualTo("RequestLimitExceeded");
        clock.advance(Duration.ofMillis(1));
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).send().code()).isEqualTo("ResourceNotFound");
    }

    @Test
    void anAppHasAtMostTheConfiguredNumberOfLiveTasks() {
        for (int i = 0; i < 3; i++) {
            assertThat(create(edit(fixture("create-cos-single.json"), "/UserId", "\"robot" + i + "\"")).code()).isNull();
        }

        SignedCall.Answer fourth = create(edit(fixture("create-cos-single.json"), "/UserId", "\"robot3\""));
        assertThat(fourth.code()).isEqualTo("FailedOperation.RestrictedConcurrency");
        assertThat(create(edit(fixture("create-cos-single.json"), "/SdkAppId", "1400000002")).code()).isNull();

        assertThat(create(edit(fixture("create-cos-single.json"), "/UserId", "\"robot0\"")).code())
                .as("replacing a robot's task does not add one").isNull();

        String taskId = emulator.tasks().get(1).taskId();
        delete(1400000001L, taskId);
        assertThat(create(edit(fixture("create-cos-single.json"), "/UserId", "\"robot3\"")).code()).isNull();
    }

    @Test
    void aTaskEndedFromOutsideFreesItsPlaceUnderTheLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(create(edit(fixture("create-cos-single.json"), "/UserId", "\"robot" + i + "\"")).code()).isNull();
        }
        String taskId = emulator.tasks().get(0).taskId();

        assertThat(emulator.endTask(taskId)).isTrue();
        assertThat(emulator.endTask(taskId)).as("only a live task ends").isFalse();

        assertThat(emulator.task(taskId).map(TaskSnapshot::exitReason)).contains(ExitReason.ROOM_DISMISSED);
        assertThat(create(edit(fixture("create-cos-single.json"), "/UserId", "\"robot3\"")).code()).isNull();
        assertThat(create(edit(fixture("create-cos-single.json"), "/UserId", "\"robot4\"")).code())
                .isEqualTo("FailedOperation.RestrictedConcurrency");
    }
}
