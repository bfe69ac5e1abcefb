package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import com.tencentcloud.trtc.operator.trtc.model.MixLayoutParams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest extends EmulatorFixture {

    private static final long APP = 1400000001L;

    private String createTask(ObjectNode body) {
        SignedCall.Answer answer = create(body);
        assertThat(answer.code()).as(answer.message()).isNull();
        return answer.response().path("TaskId").asText();
    }

    private String status(String taskId) {
        SignedCall.Answer answer = describe(APP, taskId);
        return answer.code() != null ? answer.code() : answer.response().path("Status").asText();
    }

    @Test
    void aNewTaskIsIdleUntilAnAnchorItSubscribesToIsInTheRoom() {
        String taskId = createTask(fixture("create-cos-single.json"));
        assertThat(taskId).matches("[A-Za-z0-9_\\-]+\\.{1,2}");
        assertThat(status(taskId)).isEqualTo("Idle");

        emulator.anchorJoins(APP, "1234", 1, "alice");
        assertThat(status(taskId)).isEqualTo("InProgress");

        emulator.anchorLeaves(APP, "1234", 1, "alice");
        assertThat(status(taskId)).isEqualTo("Idle");
    }

    @Test
    void maxIdleTimeEndsATaskWhoseRoomHasNoAnchorThenItIsGone() {
        Instant created = clock.instant();
        String taskId = createTask(fixture("create-cos-single.json"));

        clock.advance(Duration.ofSeconds(29));
        assertThat(status(taskId)).isEqualTo("Idle");
        clock.advance(Duration.ofSeconds(1));
        assertThat(status(taskId)).isEqualTo("Exited");
        clock.advance(DRAIN);
        assertThat(status(taskId)).isEqualTo("ResourceNotFound");

        TaskSnapshot task = emulator.task(taskId).orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.GONE);
        assertThat(task.exitReason()).isEqualTo(ExitReason.IDLE_TIMEOUT);
        assertThat(task.exitedAt()).isEqualTo(created.plusSeconds(30));
    }

    @Test
    void idleTimeCountsFromTheMomentTheLastAnchorLeft() {
        String taskId = createTask(fixture("create-cos-single.json"));
        emulator.anchorJoins(APP, "1234", 1, "alice");
        clock.advance(Duration.ofMinutes(2));
        emulator.anchorLeaves(APP, "1234", 1, "alice");

        clock.advance(Duration.ofSeconds(29));
        assertThat(status(taskId)).isEqualTo("Idle");
        clock.advance(Duration.ofSeconds(1));
        assertThat(status(taskId)).isEqualTo("Exited");
    }

    @Test
    void anAnchorArrivingAfterTheIdleDeadlineDoesNotReviveTheTask() {
        Instant created = clock.instant();
        String taskId = createTask(fixture("create-cos-single.json"));

        clock.advance(Duration.ofMillis(30_500));
        emulator.anchorJoins(APP, "1234", 1, "alice");

        TaskSnapshot task = emulator.task(taskId).orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.EXITED);
        assertThat(task.exitedAt()).isEqualTo(created.plusSeconds(30));
        assertThat(task.storageFiles()).isEmpty();
    }

    @Test
    void aSecondTaskWithTheSameRoomAndRobotEndsTheFirst() {
        String first = createTask(fixture("create-cos-single.json"));
        String second = createTask(fixture("create-cos-single.json"));

        assertThat(second).isNotEqualTo(first);
        assertThat(status(first)).isEqualTo("Exited");
        assertThat(status(second)).isEqualTo("Idle");
        assertThat(emulator.task(first).orElseThrow().exitReason()).isEqualTo(ExitReason.REPLACED);
        clock.advance(DRAIN);
        assertThat(status(first)).isEqualTo("ResourceNotFound");
        assertThat(status(second)).isEqualTo("Idle");
    }

    @Test
    void anotherRobotOrAnotherRoomIdTypeIsAnotherTask() {
        String first = createTask(fixture("create-cos-single.json"));
        createTask(edit(fixture("create-cos-single.json"), "/UserId", "\"recorder_1234_b\""));
        createTask(edit(fixture("create-cos-single.json"), "/RoomIdType", "0"));

        assertThat(status(first)).isEqualTo("Idle");
        assertThat(emulator.tasks()).extracting(TaskSnapshot::state).containsOnly(TaskState.IDLE);
    }

    @Test
    void deleteStopsTheTaskWhichExitsAndThenIsGone() {
        String taskId = createTask(fixture("create-cos-single.json"));

        SignedCall.Answer deleted = delete(APP, taskId);
        assertThat(deleted.code()).isNull();
        assertThat(deleted.response().path("TaskId").asText()).isEqualTo(taskId);
        assertThat(status(taskId)).isEqualTo("Exited");
        assertThat(delete(APP, taskId).code()).isNull();

        clock.advance(DRAIN);
        assertThat(delete(APP, taskId).code()).isEqualTo("ResourceNotFound");
        assertThat(emulator.task(taskId).orElseThrow().exitReason()).isEqualTo(ExitReason.DELETED);
    }

    @Test
    void aTaskOfAnotherAppIsNotFound() {
        String taskId = createTask(fixture("create-cos-single.json"));

        assertThat(describe(1400000002L, taskId).code()).isEqualTo("ResourceNotFound");
        assertThat(delete(1400000002L, taskId).code()).isEqualTo("ResourceNotFound");
    }

    @Test
    void afterTheResourceExpiredHourWindowCallsAreRefusedButTheRecordingGoesOn() {
        String taskId = createTask(fixture("create-cos-single.json"));
        emulator.anchorJoins(APP, "1234", 1, "alice");

        clock.advance(HOUR.multipliedBy(6).minusSeconds(1));
        assertThat(status(taskId)).isEqualTo("InProgress");
        clock.advance(Duration.ofSeconds(1));

        SignedCall.Answer describe = describe(APP, taskId);
        assertThat(describe.code()).isEqualTo("ResourceNotFound");
        assertThat(describe.message()).contains("ResourceExpiredHour");
        assertThat(call("ModifyCloudRecording").body(ref(APP, taskId).toString()).send().code()).isEqualTo("ResourceNotFound");
        assertThat(delete(APP, taskId).code()).isEqualTo("ResourceNotFound");
        assertThat(emulator.task(taskId).orElseThrow().state()).isEqualTo(TaskState.IN_PROGRESS);
    }

    @Test
    void theWindowDefaultsTo72Hours() {
        String taskId = createTask(edit(fixture("create-cos-single.json"), "/ResourceExpiredHour", null));

        assertThat(emulator.task(taskId).orElseThrow().managementWindowEnd())
                .isEqualTo(emulator.task(taskId).orElseThrow().createdAt().plus(HOUR.multipliedBy(72)));
    }

    @Test
    void modifyReplacesTheLayoutAndTheSubscriptionAndNothingElse() throws Exception {
        ObjectNode body = fixture("create-vod-mixed.json");
        edit(body, "/RecordParams/SubscribeStreamUserIds", "{\"SubscribeAudioUserIds\":[\"alice\"]}");
        SignedCall.Answer created = create(body);
        String taskId = created.response().path("TaskId").asText();
        String modify = "{\"SdkAppId\":1400188366,\"TaskId\":\"" + taskId + "\","
                + "\"MixLayoutParams\":{\"MixLayoutMode\":4,\"MixLayoutList\":[{\"Top\":0,\"Left\":0,\"Width\":180,\"Height\":320,\"UserId\":\"bob\"}]},"
                + "\"SubscribeStreamUserIds\":{\"SubscribeVideoUserIds\":[\"bob\"]}}";

        SignedCall.Answer answer = call("ModifyCloudRecording").body(modify).send();

        assertThat(answer.code()).isNull();
        assertThat(answer.response().path("TaskId").asText()).isEqualTo(taskId);
        TaskSnapshot task = emulator.task(taskId).orElseThrow();
        assertThat(task.mixLayoutParams()).isEqualTo(TrtcJson.mapper().readValue(
                "{\"MixLayoutMode\":4,\"MixLayoutList\":[{\"Top\":0,\"Left\":0,\"Width\":180,\"Height\":320,\"UserId\":\"bob\"}]}",
                MixLayoutParams.class));
        assertThat(task.subscribeStreamUserIds().subscribeVideoUserIds()).containsExactly("bob");
        assertThat(task.subscribeStreamUserIds().subscribeAudioUserIds()).isNull();
        assertThat(task.request()).isEqualTo(TrtcJson.mapper().treeToValue(body,
                com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest.class));
        assertThat(task.modifyCount()).isEqualTo(1);
    }

    @Test
    void modifyWithOnlyALayoutResetsTheSubscriptionToEverything() {
        ObjectNode body = edit(fixture("create-vod-mixed.json"), "/RecordParams/SubscribeStreamUserIds",
                "{\"SubscribeAudioUserIds\":[\"alice\"]}");
        String taskId = create(body).response().path("TaskId").asText();

        call("ModifyCloudRecording").body("{\"SdkAppId\":1400188366,\"TaskId\":\"" + taskId
                + "\",\"MixLayoutParams\":{\"MixLayoutMode\":1}}").send();

        assertThat(emulator.task(taskId).orElseThrow().subscribeStreamUserIds()).isNull();
    }

    @Test
    void modifyChecksTheLayoutAgainstTheTasksCanvasAndRefusesAnExitingTask() {
        String taskId = create(fixture("create-vod-mixed.json")).response().path("TaskId").asText();
        String tooWide = "{\"SdkAppId\":1400188366,\"TaskId\":\"" + taskId + "\",\"MixLayoutParams\":{\"MixLayoutMode\":4,"
                + "\"MixLayoutList\":[{\"Top\":0,\"Left\":300,\"Width\":100,\"Height\":100}]}}";

        assertThat(call("ModifyCloudRecording").body(tooWide).send().code()).isEqualTo("InvalidParameter.OutOfRange");

        delete(1400188366L, taskId);
        assertThat(call("ModifyCloudRecording").body(ref(1400188366L, taskId).toString()).send().code())
                .isEqualTo("FailedOperation");
    }

    @Test
    void singleStreamFilesToCosAreNamedPerUserAndMediaType() {
        String taskId = createTask(fixture("create-cos-single.json"));
        clock.advance(Duration.ofSeconds(5));
        Instant joined = clock.instant();
        emulator.anchorJoins(APP, "1234", 1, "alice");

        SignedCall.Answer answer = describe(APP, taskId);

        String stem = "team/daily/" + taskId + "/1400000001_1234__UserId_s_YWxpY2U.__UserId_e_main_";
        assertThat(answer.response().path("StorageFileList")).hasSize(2);
        assertThat(answer.response().path("StorageFileList").get(0).path("FileName").asText()).isEqualTo(stem + "audio.m3u8");
        assertThat(answer.response().path("StorageFileList").get(0).path("TrackType").asText()).isEqualTo("audio");
        assertThat(answer.response().path("StorageFileList").get(0).path("UserId").asText()).isEqualTo("alice");
        assertThat(answer.response().path("StorageFileList").get(0).path("BeginTimeStamp").asLong()).isEqualTo(joined.toEpochMilli());
        assertThat(answer.response().path("StorageFileList").get(1).path("FileName").asText()).isEqualTo(stem + "video.m3u8");
    }

    @Test
    void mixedFilesToCosAreOneIndexWithAnEmptyUserIdAndAStringRoomIsEncoded() {
        ObjectNode body = edit(edit(edit(fixture("create-cos-single.json"), "/RecordParams/RecordMode", "2"),
                "/RoomIdType", "0"), "/RoomId", "\"room a\"");
        edit(body, "/StorageParams/CloudStorage/FileNamePrefix", null);
        String taskId = createTask(body);
        emulator.anchorJoins(APP, "room a", 0, "alice");
        emulator.anchorJoins(APP, "room a", 0, "bob");

        List<com.tencentcloud.trtc.operator.trtc.model.StorageFile> files = emulator.task(taskId).orElseThrow().storageFiles();

        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo(taskId + "/1400000001_cm9vbSBh.m3u8");
            assertThat(f.userId()).isEmpty();
            assertThat(f.trackType()).isEqualTo("audio_video");
        });
    }

    @Test
    void vodDestinationsListNoFiles() {
        String taskId = create(fixture("create-vod-mixed.json")).response().path("TaskId").asText();
        emulator.anchorJoins(1400188366L, "3560", 1, "alice");

        SignedCall.Answer answer = describe(1400188366L, taskId);

        assertThat(answer.response().path("Status").asText()).isEqualTo("InProgress");
        assertThat(answer.response().path("StorageFileList").isArray()).isTrue();
        assertThat(answer.response().path("StorageFileList")).isEmpty();
    }

    @Test
    void onlySubscribedAnchorsAreRecordedWithPrefixWildcards() {
        ObjectNode body = edit(fixture("create-cos-single.json"), "/RecordParams/SubscribeStreamUserIds",
                "{\"SubscribeAudioUserIds\":[\"host.*$\"],\"SubscribeVideoUserIds\":[\"host.*$\"]}");
        String taskId = createTask(body);

        emulator.anchorJoins(APP, "1234", 1, "guest_1");
        assertThat(status(taskId)).isEqualTo("Idle");
        emulator.anchorJoins(APP, "1234", 1, "host_7");
        assertThat(status(taskId)).isEqualTo("InProgress");
        assertThat(emulator.task(taskId).orElseThrow().storageFiles()).extracting(f -> f.userId()).containsOnly("host_7");
    }
}
