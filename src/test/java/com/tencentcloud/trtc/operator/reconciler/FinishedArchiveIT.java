package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.callback.SignedCallbacks;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.retention.FinishedArchive;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finished recordings leave the operator's cache (issue 22) on a real API server: an earlier release's finished
 * recordings are archived before the informers list them, a recent one is not, a late callback and a spec
 * change bring one back, and {@code ttlSecondsAfterFinished} still deletes an archived one.
 */
class FinishedArchiveIT extends EmulatedOperatorTestBase {

    private static final long APP = EmulatedOperator.APP;
    private static final String KEY = EmulatedOperator.CALLBACK_KEY;

    @Test
    void finishedRecordingsLeftByAnEarlierReleaseAreArchivedAtStartAndComeBackForASpecChangeOrALateCallback() throws Exception {
        String ns = RealApiServer.newNamespace("archive");
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        seed(ns, "old", Phase.Stopped, hourAgo, null);
        seed(ns, "old-late", Phase.Stopped, hourAgo, null);
        seed(ns, "old-due", Phase.Stopped, hourAgo, 3600 + 30);
        seed(ns, "soon", Phase.Stopped, Instant.now().minus(FinishedArchive.AFTER).plusSeconds(25).truncatedTo(ChronoUnit.SECONDS), null);
        seed(ns, "recent", Phase.Stopped, Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS), null);

        start(ns, Map.of());

        for (String name : List.of("old", "old-late", "old-due")) {
            CloudRecording archived = get(ns, name);
            assertThat(archived.getMetadata().getLabels()).containsEntry(CloudRecording.LABEL_FINISHED, "true");
            assertThat(archived.getMetadata().getFinalizers()).as("nothing is left to stop").doesNotContain(CloudRecording.FINALIZER);
            assertThat(archived.getMetadata().getAnnotations()).containsEntry(FinishedArchive.ANNOTATION_TASK_IDS, "task-" + name)
                    .containsEntry(FinishedArchive.ANNOTATION_GENERATION, String.valueOf(archived.getMetadata().getGeneration()));
            assertThat(archived.getStatus().getStorageFiles()).as("status untouched").hasSize(2);
        }
        assertThat(get(ns, "old-due").getMetadata().getAnnotations())
                .containsEntry(FinishedArchive.ANNOTATION_DELETE_AT, hourAgo.plusSeconds(3630).toString());
        assertThat(get(ns, "recent").getMetadata().getLabels()).doesNotContainKey(CloudRecording.LABEL_FINISHED);
        assertThat(operator.reconcilerCache().map(r -> r.getMetadata().getName()).toList())
                .contains("recent", "soon").doesNotContain("old", "old-late", "old-due");
        CloudRecording soon = await().atMost(Duration.ofSeconds(60)).until(() -> get(ns, "soon"),
                r -> r.getMetadata().getLabels() != null && r.getMetadata().getLabels().containsKey(CloudRecording.LABEL_FINISHED));
        assertThat(soon.getMetadata().getFinalizers()).as("archived by the reconciler when its time came").doesNotContain(CloudRecording.FINALIZER);
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.reconcilerCache().noneMatch(r -> r.getMetadata().getName().equals("soon")));

        await().atMost(Duration.ofSeconds(60)).until(() -> get(ns, "old-due") == null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events(ns, "old-due"))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo(TtlAfterFinished.REASON)));

        String late = SignedCallbacks.body(311, "task-old-late", System.currentTimeMillis(),
                "{\"Status\":0,\"TencentVod\":{\"FileId\":\"fid-late\",\"VideoUrl\":\"https://vod.example/late.mp4\"}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.archivedCount() == 3);
        assertThat(operator.metrics().scrape()).contains("cloudrecording_archived_resources 3.0");
        assertThat(SignedCallbacks.post(operator.callbackPort(), KEY, APP, late).statusCode())
                .as("refused once, so that TRTC sends it again").isEqualTo(503);
        await().atMost(Duration.ofSeconds(10)).until(() -> SignedCallbacks.post(operator.callbackPort(), KEY, APP, late).statusCode() == 200);
        CloudRecording back = await().atMost(Duration.ofSeconds(10)).until(() -> get(ns, "old-late"),
                r -> r.getStatus().getStorageFiles().stream().anyMatch(f -> "fid-late".equals(f.getFileId())));
        assertThat(back.getMetadata().getLabels()).doesNotContainKey(CloudRecording.LABEL_FINISHED);
        assertThat(back.getStatus().getStorageFiles()).as("the files it had are kept").hasSize(3);

        client.resources(CloudRecording.class).inNamespace(ns).withName("old")
                .edit(r -> {
                    r.getSpec().setTtlSecondsAfterFinished(1);
                    return r;
                });
        await().atMost(Duration.ofSeconds(30)).until(() -> get(ns, "old") == null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events(ns, "old")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo(TtlAfterFinished.REASON);
            assertThat(e.getMessage()).as("its files listed as they were").contains("2 files: old-0.mp4, old-1.mp4");
        }));
        assertThat(emulator.calls()).as("finished recordings make no TRTC call").isEmpty();
    }

    private void seed(String ns, String name, Phase phase, Instant ended, Integer ttl) {
        CloudRecording r = Recordings.load();
        r.getMetadata().setNamespace(ns);
        r.getMetadata().setName(name);
        r.getMetadata().setFinalizers(new ArrayList<>(List.of(CloudRecording.FINALIZER)));
        r.getMetadata().setAnnotations(new HashMap<>(Map.of(CloudRecording.ANNOTATION_TASK_ID, "task-" + name)));
        r.getSpec().setTtlSecondsAfterFinished(ttl);
        CloudRecording created = client.resource(r).create();
        CloudRecordingStatus s = new CloudRecordingStatus();
        s.setPhase(phase);
        s.setTaskId("task-" + name);
        s.setCreatedAt(ended.minus(Duration.ofHours(1)).toString());
        s.setObservedGeneration(created.getMetadata().getGeneration());
        Long generation = created.getMetadata().getGeneration();
        var c = Conditions.set(List.of(), Conditions.READY, Conditions.FALSE, phase == Phase.Failed ? "InvalidParameter" : Conditions.REASON_COMPLETED,
                "ended", generation, ended);
        c = Conditions.set(c, Conditions.SYNCED, Conditions.TRUE, Conditions.REASON_RECONCILE_SUCCESS, "ok", generation, ended);
        c = Conditions.set(c, Conditions.STALLED, phase == Phase.Failed ? Conditions.TRUE : Conditions.FALSE,
                phase == Phase.Failed ? "InvalidParameter" : Conditions.REASON_NOT_STALLED, "stalled or not", generation, ended);
        s.setConditions(c);
        List<StorageFileStatus> files = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            StorageFileStatus f = new StorageFileStatus();
            f.setFileName(name + "-" + i + ".mp4");
            f.setTaskId("task-" + name);
            files.add(f);
        }
        s.setStorageFiles(files);
        created.setStatus(s);
        client.resource(created).updateStatus();
    }

    private static CloudRecording get(String ns, String name) {
        return client.resources(CloudRecording.class).inNamespace(ns).withName(name).get();
    }

    private static List<Event> events(String ns, String name) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }
}
