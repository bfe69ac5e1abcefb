package com.tencentcloud.trtc.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.emulator.ExitReason;
import com.tencentcloud.trtc.operator.emulator.TaskSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox in-process, on the Fabric8 mock API server, with the packaged samples or a folder of manifests. */
class SandboxTest {

    private static final List<String> SAMPLES = List.of("default/mixed-to-vod", "default/single-to-cos", "default/custom-layout");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void everySampleRecordingGetsATaskIdAndItsStatusLinesArePrinted() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withMockApiServerFor(Duration.ofSeconds(20)), Map.of(), out)) {
            List<CloudRecording> recordings = Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> applied(sandbox), list -> list.size() == 3 && list.stream().allMatch(SandboxTest::recording));

            assertThat(recordings).extracting(StatusPrinter::key).containsExactlyInAnyOrderElementsOf(SAMPLES);
            assertThat(sandbox.exitStatus()).isZero();
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Fabric8 mock API server at http://127.0.0.1:", "TRTC emulator   http://127.0.0.1:",
                "applying Secret default/trtc-credentials");
        for (String resource : SAMPLES) {
            assertThat(output).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d  " + resource + "  phase=Idle ready=True task=\\S+ expires=\\S+$");
            assertThat(output).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d  " + resource + "  phase=Recording ready=True task=");
        }
        assertThat(output).contains("anchor teacher_sandbox joined room lecture-hall-1", "anchor host joined room 9999",
                "anchor sandbox-anchor joined room 8888",
                "sandbox: 3 recording(s), 3 with a TaskId, 0 stalled; 1 schedule(s), 0 stalled, ");
    }

    @Test
    void whenTheAnchorLeavesAVodRecordingItsCallbacksPutFileIdAndVideoUrlInStatus(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("config/samples/secret_trtc_credentials.yaml"), dir.resolve("secret.yaml"));
        Files.writeString(dir.resolve("recording.yaml"), Files.readString(
                Path.of("config/samples/trtc_v1alpha1_cloudrecording_mixed_vod.yaml")).replace("maxIdleTime: 30", "maxIdleTime: 5"));
        SandboxOptions options = SandboxOptions.defaults().withSamples(dir).withMockApiServerFor(Duration.ofSeconds(40))
                .withAnchorLeavingAfter(Duration.ofSeconds(2));
        try (Sandbox sandbox = Sandbox.start(options, Map.of(), out)) {
            CloudRecording ended = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.recordings().get(0),
                    r -> r.getStatus() != null && r.getStatus().getStorageFiles() != null
                            && r.getStatus().getStorageFiles().stream().anyMatch(f -> f.getFileId() != null));
            assertThat(ended.getStatus().getPhase()).isEqualTo(CloudRecordingStatus.Phase.Stopped);
            assertThat(ended.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getReason()).isEqualTo("IdleTimeout");
            });
            assertThat(ended.getStatus().getStorageFiles()).singleElement().satisfies(f -> {
                assertThat(f.getFileId()).matches("\\d{18}");
                assertThat(f.getVideoUrl()).startsWith("https://1400000001.vod.emulator.invalid/").endsWith("/f0.mp4");
                assertThat(f.getMediaId()).isEqualTo("mix");
            });
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("anchor sandbox-anchor left room 8888")
                .containsPattern("(?m)  default/mixed-to-vod  phase=Stopped ready=False task=\\S+ expires=\\S+ ended=IdleTimeout fileId=\\d{18} videoUrl=https://\\S+$");
    }

    @Test
    void withFailRecordingAfterTheEmulatorEndsTheFirstTaskByFaultOnceAndTheOperatorHearsOfIt(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("config/samples/secret_trtc_credentials.yaml"), dir.resolve("secret.yaml"));
        Files.copy(Path.of("config/samples/trtc_v1alpha1_cloudrecording_mixed_vod.yaml"), dir.resolve("recording.yaml"));
        SandboxOptions options = SandboxOptions.defaults().withSamples(dir).withMockApiServerFor(Duration.ofSeconds(40))
                .withRecordingFailingAfter(Duration.ofSeconds(2));
        String first;
        try (Sandbox sandbox = Sandbox.start(options, Map.of(), out)) {
            first = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> sandbox.recordings().get(0).getStatus() == null ? null : sandbox.recordings().get(0).getStatus().getTaskId(),
                    java.util.Objects::nonNull);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.emulator().task(first).orElseThrow().exitReason(),
                    reason -> reason == ExitReason.ROOM_TIMEOUT);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.emulator().callbacks().deliveries().stream()
                    .anyMatch(d -> d.taskId().equals(first) && d.eventType() == 302 && d.delivered() && d.body().contains("\"LeaveCode\":100")));
            Awaitility.await().alias("the operator took the fault in: the task ended or a new one replaced it")
                    .atMost(Duration.ofSeconds(10)).until(() -> sandbox.recordings().get(0).getStatus(), s -> !first.equals(s.getTaskId())
                            || s.getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("False")));
            Thread.sleep(3_000);
            assertThat(sandbox.emulator().tasks()).as("only the first task is ended by fault")
                    .filteredOn(t -> t.exitReason() == ExitReason.ROOM_TIMEOUT).extracting(TaskSnapshot::taskId).containsExactly(first);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("default/mixed-to-vod  task " + first + " ended by fault: LeaveCode 100 (emulator)");
    }

    @Test
    void aRecordingWhoseSecretIsMissingFailsTheSmokeRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("recording.yaml"), """
                apiVersion: trtc.tencentcloud.com/v1alpha1
                kind: CloudRecording
                metadata:
                  name: no-secret
                spec:
                  sdkAppId: 1400000001
                  roomId: "1234"
                  credentialsSecretRef:
                    name: missing
                  recordParams:
                    recordMode: MixedStream
                  storageParams:
                    cloudVod:
                      tencentVod: {}
                """);
        SandboxOptions options = SandboxOptions.defaults().withSamples(dir).withMockApiServerFor(Duration.ofSeconds(20));
        try (Sandbox sandbox = Sandbox.start(options, Map.of(), out)) {
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(sandbox::recordings,
                    list -> list.size() == 1 && StatusPrinter.View.of(list.get(0).getStatus()).stalled() != null);

            assertThat(sandbox.exitStatus()).isEqualTo(1);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)  default/no-secret  phase=\\S+ ready=\\S+ stalled=SecretNotFound \\(Secret default/missing not found\\)$")
                .contains("sandbox: 1 recording(s), 0 with a TaskId, 1 stalled (default/no-secret); 0 schedule(s)");
    }

    @Test
    void aDurationRunOfTheCommandEndsByItselfWithStatusZero() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = SandboxCommand.run(new String[] {"--mock-api-server", "--duration", "10s"}, Map.of("LOG_LEVEL", "INFO"),
                out, new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("stop            after 10s, or Ctrl-C",
                "sandbox: 3 recording(s), 3 with a TaskId, 0 stalled");
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void manifestsThatAreNotKubernetesYamlAreRefusedWithOneLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "kind: CloudRecording\nspec: {}\n");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int status = SandboxCommand.run(new String[] {"--mock-api-server", "--samples", dir.toString()}, Map.of(),
                out, new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("sandbox: " + dir.resolve("broken.yaml") + ": every document needs apiVersion, kind and metadata.name");
    }

    @Test
    void aManifestTheApiServerRefusesStopsTheSandboxWithOneLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("widget.yaml"), """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w1
                """);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int status = SandboxCommand.run(new String[] {"--mock-api-server", "--samples", dir.toString()}, Map.of("LOG_LEVEL", "INFO"),
                out, new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith("sandbox: the API server refused Widget default/w1: ")
                .hasLineCount(1);
    }

    private static boolean recording(CloudRecording r) {
        CloudRecordingStatus s = r.getStatus();
        return s != null && s.getTaskId() != null && s.getPhase() != null && s.getPhase().toString().equals("Recording");
    }

    /** The recordings the sandbox applied, without the children its sample schedule may have started meanwhile. */
    private static List<CloudRecording> applied(Sandbox sandbox) {
        return sandbox.recordings().stream().filter(r -> !Sandbox.isChild(r)).toList();
    }
}
