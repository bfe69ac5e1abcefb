package com.tencentcloud.trtc.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CallbackEffectsTest {

    static RecordingCallback event(int type, Integer status, Integer leaveCode) {
        return new RecordingCallback(type, 0, "task-1", 1000, status, leaveCode, List.of(), null);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "301, Idle, ", "304, Idle, Recording", "307, Idle, Recording", "307, Recording, ", "302, Recording, Stopped",
            "302, Idle, Stopped", "302, Expired, Stopped", "302, Stopping, Stopped", "302, Stopped, ",
            "301, Stopped, ", "304, Stopped, ", "307, Stopped, ", "304, Expired, ", "311, Recording, ", "312, Stopped, "})
    void phaseOnlyMovesForward(int type, Phase current, Phase expected) {
        assertThat(CallbackEffects.phase(current, event(type, 0, 0))).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "LeaveCode {0} -> {1}")
    @CsvSource({"0, StoppedByApi", "1, RobotKicked", "2, RoomDismissed", "3, RobotKickedByServer", "4, RoomDismissedByServer",
            "99, IdleTimeout", "100, RoomTimeout", "101, ReplacedBySameUser", "7, RecorderLeft"})
    void everyLeaveCodeHasAReadableReason(int leaveCode, String reason) {
        assertThat(CallbackEffects.leaveReason(leaveCode)).isEqualTo(reason);
        assertThat(CallbackEffects.leaveDescription(leaveCode)).endsWith("(LeaveCode " + leaveCode + ")");
        assertThat(CallbackEffects.notice(event(302, null, leaveCode))).hasValueSatisfying(n -> {
            assertThat(n.warning()).isFalse();
            assertThat(n.reason()).isEqualTo(reason);
        });
    }

    @ParameterizedTest(name = "{0} Status {1} -> {2} {3}")
    @CsvSource({
            "301, 0, Normal, RecorderStarted", "301, 1, Warning, RecorderStartFailed", "303, 1, Warning, UploaderStartFailed",
            "305, 0, Normal, UploadFinished", "305, 1, Warning, UploadIncomplete", "305, 2, Normal, UploadCompleted",
            "306, 0, Normal, Failover", "308, , Warning, UploadError", "309, , Warning, ImageDownloadError",
            "310, 1, Warning, Mp4UploadIncomplete", "311, 0, Normal, VodFileCommitted", "311, 1, Warning, VodCommitFailed",
            "312, 0, Normal, VodUploadFinished", "312, 1, Warning, VodUploadFailed"})
    void eventsThatUsersShouldSeeBecomeKubernetesEvents(int type, Integer status, String kind, String reason) {
        assertThat(CallbackEffects.notice(event(type, status, null))).hasValueSatisfying(n -> {
            assertThat(n.warning()).isEqualTo("Warning".equals(kind));
            assertThat(n.reason()).isEqualTo(reason);
            assertThat(n.message()).startsWith("Task task-1");
        });
    }

    @ParameterizedTest(name = "{0} after the task stopped: Event {1}")
    @CsvSource({"301, false", "302, false", "304, false", "307, false", "305, true", "308, true", "311, true", "312, true"})
    void aStoppedTaskOnlyHearsOfWhatHappensAfterTheRecording(int type, boolean recorded) {
        assertThat(CallbackEffects.notice(Phase.Stopped, event(type, 0, 0)).isPresent()).isEqualTo(recorded);
        assertThat(CallbackEffects.notice(Phase.Recording, event(type, 0, 0)).isPresent() || type == 304 || type == 307).isTrue();
    }

    @ParameterizedTest(name = "{0} Status 0 needs no Event")
    @CsvSource({"303", "304", "307", "310"})
    void routineFileEventsShowInStatusOnly(int type) {
        assertThat(CallbackEffects.notice(event(type, 0, null))).isEmpty();
    }

    @Test
    void filesAccumulateOnceEachAndLateReportsOnlyFillGaps() {
        StorageFileStatus slice = file("a.m3u8", null, null);
        slice.setBeginTimeStamp(10L);
        StorageFileStatus described = file("a.m3u8", null, null);
        described.setBeginTimeStamp(99L);
        described.setTrackType("audio_video");
        StorageFileStatus vod = file(null, "fid-1", "https://v/1.mp4");
        List<StorageFileStatus> once = StorageFiles.merge(List.of(), List.of(slice, vod));
        List<StorageFileStatus> twice = StorageFiles.merge(StorageFiles.merge(once, List.of(vod, described)), List.of(slice));
        assertThat(twice).hasSize(2);
        assertThat(twice.get(0).getFileName()).isEqualTo("a.m3u8");
        assertThat(twice.get(0).getBeginTimeStamp()).as("kept, not moved back or forth").isEqualTo(10L);
        assertThat(twice.get(0).getTrackType()).as("a gap filled").isEqualTo("audio_video");
        assertThat(twice.get(1).getFileId()).isEqualTo("fid-1");
        assertThat(once.get(0).getTrackType()).as("inputs are not changed").isNull();
    }

    @Test
    void theListIsBounded() {
        List<StorageFileStatus> many = java.util.stream.IntStream.range(0, 500).mapToObj(i -> file("f" + i, null, null)).toList();
        assertThat(StorageFiles.merge(null, many)).hasSize(StorageFiles.MAX_FILES);
    }

    private static StorageFileStatus file(String name, String fileId, String url) {
        StorageFileStatus f = new StorageFileStatus();
        f.setFileName(name);
        f.setFileId(fileId);
        f.setVideoUrl(url);
        return f;
    }
}
