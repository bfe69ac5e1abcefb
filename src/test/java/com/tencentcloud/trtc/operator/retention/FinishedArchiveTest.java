package com.tencentcloud.trtc.operator.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinishedArchiveTest {

    private static final Instant ENDED = Instant.parse("2026-12-01T11:00:00Z");

    @Test
    void stoppedAndExpiredRecordingsAreArchivedTenMinutesAfterTheyFinished() {
        assertThat(FinishedArchive.archiveAt(recording(Phase.Stopped))).contains(ENDED.plus(FinishedArchive.AFTER));
        assertThat(FinishedArchive.archiveAt(recording(Phase.Expired))).contains(ENDED.plus(FinishedArchive.AFTER));
    }

    @Test
    void failedLiveDeletingScheduledAndAlreadyArchivedRecordingsAreNot() {
        assertThat(FinishedArchive.archiveAt(recording(Phase.Failed))).as("waits for a fix; the alert counts it").isEmpty();
        assertThat(FinishedArchive.archiveAt(recording(Phase.Recording))).isEmpty();
        CloudRecording deleting = recording(Phase.Stopped);
        deleting.getMetadata().setDeletionTimestamp(ENDED.toString());
        assertThat(FinishedArchive.archiveAt(deleting)).isEmpty();
        CloudRecording child = recording(Phase.Stopped);
        child.getMetadata().setLabels(Map.of(CloudRecordingSchedule.LABEL_SCHEDULE, "daily"));
        assertThat(FinishedArchive.archiveAt(child)).as("history limits bound a schedule's children").isEmpty();
        CloudRecording archived = recording(Phase.Stopped);
        archived.getMetadata().setLabels(Map.of(CloudRecording.LABEL_FINISHED, "true"));
        assertThat(FinishedArchive.archiveAt(archived)).isEmpty();
    }

    @Test
    void aTtlThatDeletesItFirstKeepsItInTheCacheAndALongerOneIsCarriedAsAnAnnotation() {
        CloudRecording short_ = recording(Phase.Stopped);
        short_.getSpec().setTtlSecondsAfterFinished((int) FinishedArchive.AFTER.toSeconds());
        assertThat(FinishedArchive.archiveAt(short_)).isEmpty();

        CloudRecording long_ = recording(Phase.Stopped);
        long_.getSpec().setTtlSecondsAfterFinished(86_400);
        JsonNode patch = FinishedArchive.patch(long_, List.of("task-1", "task-0"));
        JsonNode meta = patch.get("metadata");
        assertThat(meta.get("resourceVersion").asText()).as("written on the version read").isEqualTo("42");
        assertThat(meta.get("labels").get(CloudRecording.LABEL_FINISHED).asText()).isEqualTo("true");
        assertThat(meta.get("annotations").get(FinishedArchive.ANNOTATION_DELETE_AT).asText()).isEqualTo(ENDED.plusSeconds(86_400).toString());
        assertThat(meta.get("annotations").get(FinishedArchive.ANNOTATION_TASK_IDS).asText()).isEqualTo("task-1,task-0");
        assertThat(meta.get("annotations").get(FinishedArchive.ANNOTATION_GENERATION).asText()).isEqualTo("3");
        assertThat(meta.get("finalizers")).as("only the operator's own finalizer goes").hasSize(1);
        assertThat(meta.get("finalizers").get(0).asText()).isEqualTo("example.com/keep");
    }

    @Test
    void aRestoredRecordingStaysTenMinutesFromItsRestore() {
        CloudRecording restored = recording(Phase.Stopped);
        Instant back = ENDED.plusSeconds(3600);
        restored.getMetadata().getAnnotations().put(FinishedArchive.ANNOTATION_RESTORED_AT, back.toString());
        assertThat(FinishedArchive.archiveAt(restored)).isEqualTo(Optional.of(back.plus(FinishedArchive.AFTER)));
    }

    private static CloudRecording recording(Phase phase) {
        CloudRecording r = new CloudRecording();
        r.setMetadata(new ObjectMetaBuilder().withName("r").withNamespace("ns").withGeneration(3L).withResourceVersion("42")
                .withAnnotations(new HashMap<>()).withFinalizers(new ArrayList<>(List.of(CloudRecording.FINALIZER, "example.com/keep"))).build());
        r.setSpec(new CloudRecordingSpec());
        CloudRecordingStatus s = new CloudRecordingStatus();
        s.setPhase(phase);
        s.setObservedGeneration(3L);
        var c = Conditions.set(List.of(), Conditions.READY, "False", "Completed", "", 3L, ENDED);
        c = Conditions.set(c, Conditions.STALLED, phase == Phase.Failed ? "True" : "False", "x", "", 3L, ENDED);
        s.setConditions(c);
        r.setStatus(s);
        return r;
    }
}
