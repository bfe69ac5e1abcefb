package com.tencentcloud.trtc.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPrinterTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> tasks = new ArrayList<>();
    private final StatusPrinter printer = new StatusPrinter(new PrintStream(printed, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-24T12:00:03Z"), ZoneOffset.UTC), (r, task) -> tasks.add(task));

    @Test
    void aLineIsPrintedOnlyWhenPhaseReadyTaskOrStalledChanges() {
        printer.onAdd(recording(null));
        printer.onUpdate(null, recording("""
                {"phase": "Creating", "conditions": [{"type": "Ready", "status": "False", "reason": "Creating"}]}"""));
        printer.onUpdate(null, recording("""
                {"phase": "Creating", "lastRequestId": "r2", "conditions": [{"type": "Ready", "status": "False", "reason": "Creating"}]}"""));
        printer.onUpdate(null, recording("""
                {"phase": "Idle", "taskId": "T1", "expiresAt": "2026-11-27T12:00:03Z",
                 "conditions": [{"type": "Ready", "status": "True"}, {"type": "Stalled", "status": "False"}]}"""));
        printer.onUpdate(null, recording("""
                {"phase": "Failed", "taskId": "T1", "conditions": [{"type": "Ready", "status": "False"},
                 {"type": "Stalled", "status": "True", "reason": "AuthFailure.SecretIdNotFound", "message": "unknown key"}]}"""));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "12:00:03  media/weekly-allhands  added (no status yet)",
                "12:00:03  media/weekly-allhands  phase=Creating ready=False",
                "12:00:03  media/weekly-allhands  phase=Idle ready=True task=T1 expires=2026-11-27T12:00:03Z",
                "12:00:03  media/weekly-allhands  phase=Failed ready=False task=T1 stalled=AuthFailure.SecretIdNotFound (unknown key)");
        assertThat(tasks).containsExactly("T1");
    }

    @Test
    void theAnchorIsOneTheRecordingSubscribesTo() {
        assertThat(RoomAnchors.anchorFor(spec("{\"recordParams\": {\"subscribeStreamUserIds\": {\"subscribeVideoUserIds\": [\"teacher_.*$\"]}}}")))
                .isEqualTo("teacher_sandbox");
        assertThat(RoomAnchors.anchorFor(spec("{\"recordParams\": {\"subscribeStreamUserIds\": {\"subscribeAudioUserIds\": [\"alice\"]}}}")))
                .isEqualTo("alice");
        assertThat(RoomAnchors.anchorFor(spec("{\"mixLayoutParams\": {\"mixLayoutList\": [{\"userId\": \"host\"}]}}")))
                .isEqualTo("host");
        assertThat(RoomAnchors.anchorFor(spec("{\"recordParams\": {\"recordMode\": \"MixedStream\"}}")))
                .isEqualTo(RoomAnchors.DEFAULT_ANCHOR);
    }

    private static CloudRecording recording(String statusJson) {
        CloudRecording r = Serialization.unmarshal("""
                {"apiVersion": "trtc.tencentcloud.com/v1alpha1", "kind": "CloudRecording",
                 "metadata": {"name": "weekly-allhands", "namespace": "media"}, "status": %s}""".formatted(statusJson), CloudRecording.class);
        return r;
    }

    private static CloudRecordingSpec spec(String json) {
        return Serialization.unmarshal(json, CloudRecordingSpec.class);
    }
}
