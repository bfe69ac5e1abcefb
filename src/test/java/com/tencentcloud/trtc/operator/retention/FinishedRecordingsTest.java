package com.tencentcloud.trtc.operator.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FinishedRecordingsTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-12-01T11:00:00Z");

    @ParameterizedTest(name = "{0} with Ready {1}/{2}: finished = {3}")
    @CsvSource({
            "Stopped,   False, Completed,             true",
            "Stopped,   False, MaxDurationReached,    true",
            "Expired,   False, ManagementWindowExpired, true",
            "Failed,    False, Failed,                true",
            "Failed,    False, BackoffLimitExceeded,  true",
            "Failed,    False, Restarting,            false",
            "Stopped,   False, Restarting,            false",
            "Recording, True,  Recording,             false",
            "Idle,      True,  Idle,                  false",
            "Stopping,  False, Deleting,              false",
            "Pending,   False, Creating,              false",
    })
    void onlyEndedPhasesThatWillNotRestartHaveFinished(Phase phase, String ready, String reason, boolean finished) {
        CloudRecording r = recording(phase, ready, reason, 1L, 1L);
        assertThat(FinishedRecordings.finishedAt(r)).isEqualTo(finished ? java.util.Optional.of(ENDED) : java.util.Optional.empty());
    }

    @Test
    void aFailureFinishedWhenItStalledNotWhenReadyLastChanged() {
        CloudRecording r = recording(Phase.Failed, "False", "Failed", 1L, 1L);
        r.getStatus().setConditions(Conditions.set(r.getStatus().getConditions(), Conditions.STALLED, Conditions.TRUE,
                "InvalidParameter", "bad", 1L, ENDED.plusSeconds(30)));
        assertThat(FinishedRecordings.finishedAt(r)).contains(ENDED.plusSeconds(30));
    }

    @Test
    void aFailedRecordingWhoseSpecChangedSinceIsRetriedNotFinished() {
        assertThat(FinishedRecordings.finishedAt(recording(Phase.Failed, "False", "Failed", 2L, 1L))).isEmpty();
        assertThat(FinishedRecordings.finishedAt(recording(Phase.Stopped, "False", "Completed", 2L, 1L))).contains(ENDED);
    }

    @Test
    void dueTtlSecondsAfterFinishingAndNeverWithoutTheField() {
        CloudRecording r = recording(Phase.Stopped, "False", "Completed", 1L, 1L);
        assertThat(FinishedRecordings.deleteAt(r)).isEmpty();
        r.getSpec().setTtlSecondsAfterFinished(3600);
        assertThat(FinishedRecordings.deleteAt(r)).contains(ENDED.plusSeconds(3600));
        r.getSpec().setTtlSecondsAfterFinished(0);
        assertThat(FinishedRecordings.deleteAt(r)).contains(ENDED);
    }

    @Test
    void filesAreNamedByFileNameElseVodFileIdElseUrl() {
        CloudRecording r = recording(Phase.Stopped, "False", "Completed", 1L, 1L);
        StorageFileStatus named = new StorageFileStatus();
        named.setFileName("a.mp4");
        StorageFileStatus vod = new StorageFileStatus();
        vod.setFileId("5285890781");
        vod.setVideoUrl("https://vod.example/b.mp4");
        StorageFileStatus url = new StorageFileStatus();
        url.setVideoUrl("https://vod.example/c.mp4");
        r.getStatus().setStorageFiles(List.of(named, vod, url, new StorageFileStatus()));
        assertThat(FinishedRecordings.files(r)).containsExactly("a.mp4", "5285890781", "https://vod.example/c.mp4");
    }

    private static CloudRecording recording(Phase phase, String ready, String reason, long generation, long observed) {
        CloudRecording r = new CloudRecording();
        r.setMetadata(new ObjectMetaBuilder().withName("r").withNamespace("ns").withGeneration(generation).build());
        r.setSpec(new CloudRecordingSpec());
        CloudRecordingStatus s = new CloudRecordingStatus();
        s.setPhase(phase);
        s.setObservedGeneration(observed);
        s.setConditions(Conditions.set(Conditions.set(List.of(), Conditions.READY, "True", "Recording", "", 1L, STARTED),
                Conditions.READY, ready, reason, "", 1L, ENDED));
        r.setStatus(s);
        return r;
    }
}
