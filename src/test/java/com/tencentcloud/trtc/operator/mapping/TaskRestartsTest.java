package com.tencentcloud.trtc.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.EndedTask;
import com.tencentcloud.trtc.operator.api.v1alpha1.RestartPolicy;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskRestartsTest {

    static RecordingCallback event(int type, Integer status, Integer leaveCode) {
        return new RecordingCallback(type, 0, "task-1", 1000, status, leaveCode, List.of(), null);
    }

    @ParameterizedTest(name = "{0} Status {1} LeaveCode {2} -> {3}")
    @CsvSource({
            "302, , 100, FAILURE", "301, 1, , FAILURE", "302, , 101, CONFLICT",
            "302, , 0, FINAL", "302, , 1, FINAL", "302, , 2, FINAL", "302, , 3, FINAL", "302, , 4, FINAL", "302, , 99, FINAL",
            "301, 0, , ", "307, , , ", "311, 0, , ", "305, , 1, "})
    void onlyLeaveCode100AndAFailedStartAreFailures(int type, Integer status, Integer leaveCode, TaskRestarts.End expected) {
        assertThat(TaskRestarts.end(event(type, status, leaveCode))).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aFailedStartAndARoomTimeoutHaveTheirOwnReasons() {
        assertThat(TaskRestarts.reason(event(301, 1, null))).isEqualTo("StartFailed");
        assertThat(TaskRestarts.reason(event(302, null, 100))).isEqualTo("RoomTimeout");
    }

    @Test
    void backOffDoublesFromTenSecondsAndStopsAtFiveMinutes() {
        assertThat(IntStream.range(0, 8).mapToObj(TaskRestarts::backoff).map(Duration::getSeconds))
                .containsExactly(10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L);
        assertThat(TaskRestarts.backoff(20)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void absentFieldsMeanOnFailureAndSixRestarts() {
        CloudRecordingSpec spec = new CloudRecordingSpec();
        assertThat(TaskRestarts.policy(spec)).isEqualTo(RestartPolicy.OnFailure);
        assertThat(TaskRestarts.backoffLimit(spec)).isEqualTo(6);
    }

    @Test
    void theDecisionFollowsPolicyLimitAndMaxDurationFromTheFirstTask() {
        Instant first = Instant.parse("2026-12-03T08:00:00Z");
        CloudRecordingStatus status = new CloudRecordingStatus();
        status.setFirstCreatedAt(first.toString());
        status.setCreatedAt(first.plus(Duration.ofMinutes(50)).toString());
        CloudRecordingSpec spec = new CloudRecordingSpec();
        spec.setMaxDuration("1h");
        CloudRecording r = new CloudRecording();
        r.setSpec(spec);

        assertThat(TaskRestarts.decide(r, status, first.plus(Duration.ofMinutes(59)))).isEqualTo(TaskRestarts.Decision.RESTART);
        assertThat(TaskRestarts.decide(r, status, first.plus(Duration.ofMinutes(60))))
                .as("counted from the first task, not the live one").isEqualTo(TaskRestarts.Decision.MAX_DURATION);
        status.setRestarts(2);
        spec.setBackoffLimit(2);
        assertThat(TaskRestarts.decide(r, status, first)).isEqualTo(TaskRestarts.Decision.LIMIT);
        spec.setRestartPolicy(RestartPolicy.Never);
        assertThat(TaskRestarts.decide(r, status, first)).isEqualTo(TaskRestarts.Decision.NEVER);
    }

    @Test
    void aScheduleChildIsNotRestartedOnceTheNextSlotHasCome() {
        Instant next = Instant.parse("2026-12-03T09:00:00Z");
        CloudRecording child = new CloudRecording();
        child.setSpec(new CloudRecordingSpec());
        child.getMetadata().setAnnotations(java.util.Map.of(CloudRecordingSchedule.ANNOTATION_WINDOW_ENDS, next.toString()));
        CloudRecordingStatus status = new CloudRecordingStatus();

        assertThat(TaskRestarts.decide(child, status, next.minusSeconds(1))).isEqualTo(TaskRestarts.Decision.RESTART);
        assertThat(TaskRestarts.decide(child, status, next)).isEqualTo(TaskRestarts.Decision.WINDOW_ENDED);
    }

    @Test
    void historyKeepsTheLastTenAndOneEntryPerTask() {
        List<EndedTask> history = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            history = TaskRestarts.record(history, new EndedTask("task-" + i, null, null, "RoomTimeout"));
        }
        history = TaskRestarts.record(history, new EndedTask("task-12", null, null, "IdleTimeout"));

        assertThat(history).extracting(EndedTask::getTaskId).containsExactly(
                "task-3", "task-4", "task-5", "task-6", "task-7", "task-8", "task-9", "task-10", "task-11", "task-12");
        assertThat(history.get(9).getReason()).isEqualTo("IdleTimeout");
    }

    @Test
    void theSameFileNameInTwoTasksIsTwoFilesAndAnUntaggedFileIsMatchedByItsTask() {
        StorageFileStatus untagged = file(null, "room.m3u8");
        List<StorageFileStatus> merged = StorageFiles.merge(List.of(untagged), StorageFiles.ofTask("task-1", List.of(file(null, "room.m3u8"))));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).getTaskId()).isEqualTo("task-1");

        merged = StorageFiles.merge(merged, StorageFiles.ofTask("task-2", List.of(file(null, "room.m3u8"))));
        assertThat(merged).extracting(StorageFileStatus::getTaskId).containsExactly("task-1", "task-2");
    }

    private static StorageFileStatus file(String taskId, String name) {
        StorageFileStatus f = new StorageFileStatus();
        f.setTaskId(taskId);
        f.setFileName(name);
        return f;
    }
}
