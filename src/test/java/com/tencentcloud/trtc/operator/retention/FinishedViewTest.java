package com.tencentcloud.trtc.operator.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.AccountReference;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.LocalObjectReference;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FinishedViewTest {

    @Test
    void theViewKeepsWhatTtlSpecChangesAndLateCallbacksNeedAndNothingElse() {
        CloudRecording r = new CloudRecording();
        r.setMetadata(new ObjectMetaBuilder().withName("class-7").withNamespace("school").withUid("u-7").withResourceVersion("99")
                .withGeneration(4L).withLabels(Map.of(CloudRecording.LABEL_FINISHED, "true", "team", "maths"))
                .withAnnotations(Map.of(FinishedArchive.ANNOTATION_GENERATION, "4", FinishedArchive.ANNOTATION_TASK_IDS, "t1,t2",
                        FinishedArchive.ANNOTATION_DELETE_AT, "2026-12-04T00:00:00Z",
                        "kubectl.kubernetes.io/last-applied-configuration", "{\"a\":\"" + "x".repeat(2000) + "\"}"))
                .build());
        CloudRecordingSpec spec = new CloudRecordingSpec();
        spec.setSdkAppId(1400000001L);
        spec.setRoomId("3560");
        LocalObjectReference secret = new LocalObjectReference();
        secret.setName("trtc-credentials");
        spec.setCredentialsSecretRef(secret);
        AccountReference account = new AccountReference();
        account.setName("platform");
        spec.setAccountRef(account);
        spec.setTtlSecondsAfterFinished(86_400);
        r.setSpec(spec);
        CloudRecordingStatus status = new CloudRecordingStatus();
        StorageFileStatus file = new StorageFileStatus();
        file.setFileName("a.mp4");
        status.setStorageFiles(List.of(file));
        r.setStatus(status);

        CloudRecording kept = FinishedView.Archived.of(r).recording();

        assertThat(kept.getMetadata().getName()).isEqualTo("class-7");
        assertThat(kept.getMetadata().getNamespace()).isEqualTo("school");
        assertThat(kept.getMetadata().getUid()).isEqualTo("u-7");
        assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("99");
        assertThat(kept.getMetadata().getGeneration()).isEqualTo(4L);
        assertThat(kept.getMetadata().getAnnotations()).containsOnly(Map.entry(FinishedArchive.ANNOTATION_GENERATION, "4"),
                Map.entry(FinishedArchive.ANNOTATION_TASK_IDS, "t1,t2"), Map.entry(FinishedArchive.ANNOTATION_DELETE_AT, "2026-12-04T00:00:00Z"));
        assertThat(FinishedView.Archived.of(r).tasks()).containsExactly("t1", "t2");
        assertThat(kept.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(kept.getSpec().getSdkAppId()).isEqualTo(1400000001L);
        assertThat(kept.getSpec().getCredentialsSecretRef().getName()).isEqualTo("trtc-credentials");
        assertThat(kept.getSpec().getAccountRef().getName()).isEqualTo("platform");
        assertThat(kept.getSpec().getRoomId()).isNull();
        assertThat(kept.getSpec().getTtlSecondsAfterFinished()).as("carried by the delete-at annotation").isNull();
        assertThat(kept.getStatus() == null || kept.getStatus().getStorageFiles() == null).isTrue();
    }
}
