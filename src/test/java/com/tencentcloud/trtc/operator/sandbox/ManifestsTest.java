package com.tencentcloud.trtc.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.trtc.Credentials;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {

    @Test
    void thePackagedSamplesAreTheProjectSamplesWithTheirSecretsFirst() {
        Manifests samples = Manifests.builtIn();

        assertThat(samples.items()).extracting(HasMetadata::getKind, i -> i.getMetadata().getName()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Secret", "trtc-credentials"),
                org.assertj.core.groups.Tuple.tuple("Secret", "cos-storage-keys"),
                org.assertj.core.groups.Tuple.tuple("Secret", "recorder-usersig"),
                org.assertj.core.groups.Tuple.tuple("CloudRecording", "mixed-to-vod"),
                org.assertj.core.groups.Tuple.tuple("CloudRecording", "single-to-cos"),
                org.assertj.core.groups.Tuple.tuple("CloudRecording", "custom-layout"),
                org.assertj.core.groups.Tuple.tuple("CloudRecordingSchedule", "every-two-minutes"));
        assertThat(samples.credentials()).containsExactly(
                new Credentials("REPLACE-WITH-YOUR-SECRET-ID", "REPLACE-WITH-YOUR-SECRET-KEY"));
    }

    @Test
    void aFolderWithoutKustomizationContributesItsYamlFilesWithSecretsAppliedFirst(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-recording.yaml"), """
                apiVersion: trtc.tencentcloud.com/v1alpha1
                kind: CloudRecording
                metadata:
                  name: r1
                  namespace: media
                spec:
                  sdkAppId: 1400000001
                  roomId: "1"
                """);
        Files.writeString(dir.resolve("b-keys.yml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: keys
                data:
                  secretId: QUtJRG1pbmU=
                  secretKey: a2V5
                  token: dG9rZW4=
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: other
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a manifest");

        Manifests manifests = Manifests.fromDirectory(dir);

        assertThat(manifests.items()).extracting(HasMetadata::getKind).containsExactly("Secret", "ConfigMap", "CloudRecording");
        assertThat(manifests.recordings()).singleElement().satisfies(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo("media"));
        assertThat(manifests.credentials()).containsExactly(new Credentials("AKIDmine", "key", "token"));
    }
}
