package com.tencentcloud.trtc.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Design §13: the previous release ({@link PreviousRelease}, built from this repository's history) runs on a real API
 * server of its own, installed with its {@code config/default}, with live recordings and a schedule against the TRTC
 * emulator; it stops; this release's {@code crds} and {@code config/default} are applied over it with server-side
 * apply, as a user upgrades; this release's jar starts. Asserted without naming any field either release adds: no
 * new Create for what already recorded, every TaskId and finalizer kept, no spec written (generations unchanged),
 * every recording reconciled by the new operator, and the schedule goes on starting its slots.
 */
@ExtendWith(RealApiServer.class)
class UpgradeIT {

    static final long SDK_APP_ID = 1400000001L;
    static final String NS = "upgrade";
    static final String SECRET_ID = "AKIDupgrade";
    static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void thePreviousReleasesRecordingsAndScheduleCarryOnUnderThisOneWithoutASecondCreate() throws Exception {
        Path previous = PreviousRelease.dir();
        Path logs = Files.createDirectories(Path.of("target", "it-logs", "upgrade"));
        try (OwnApiServer cluster = OwnApiServer.start();
             TrtcEmulator emulator = TrtcEmulator.builder().credential(SECRET_ID, "upgrade-secret-key").build().start()) {
            KubernetesClient admin = cluster.client();
            Path kubeconfig = cluster.writeKubeconfig(logs.resolve("kubeconfig"));
            kubectl(kubeconfig, logs, "apply", "--server-side", "-k", previous.resolve("config/default").toString()).ok();
            cluster.awaitEstablished(crdName(CloudRecording.class));
            cluster.awaitEstablished(crdName(CloudRecordingSchedule.class));
            cluster.createNamespace(NS);
            admin.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(NS).endMetadata()
                    .withStringData(Map.of("secretId", SECRET_ID, "secretKey", "upgrade-secret-key",
                            "sdkSecretKey", "sdk-secret-key-for-upgrade")).build()).create();
            List.of("8888", "8889", "8890").forEach(room -> emulator.anchorJoins(SDK_APP_ID, room, 1, "teacher"));

            Map<String, String> env = Map.of("KUBECONFIG", kubeconfig.toAbsolutePath().toString(),
                    "TRTC_ENDPOINT", emulator.baseUrl(), "WATCH_NAMESPACES", NS, "TRTC_POLL_INTERVAL", "5s",
                    "METRICS_PORT", "0", "METRICS_BIND_ADDRESS", "127.0.0.1");
            Map<String, Snapshot> before;
            try (JarProcess old = JarProcess.start(PreviousRelease.jar(), "upgrade-previous-release", env)) {
                old.awaitOperatorStarted(WAIT);
                admin.resource(recording(previous, "mixed-to-vod", "8888")).create();
                admin.resource(recording(previous, "second-room", "8889")).create();
                admin.resource(schedule()).create();
                Awaitility.await().atMost(WAIT.multipliedBy(2)).ignoreExceptions().until(() -> {
                    Map<String, Snapshot> now = snapshots(admin);
                    return now.size() >= 3 && now.values().stream().allMatch(s -> s.taskId() != null);
                });
                before = snapshots(admin);
            }
            long createsBefore = emulator.calls().stream().filter(c -> "CreateCloudRecording".equals(c.action())).count();
            assertThat(createsBefore).isEqualTo(before.size());
            Instant upgraded = Instant.now();

            kubectl(kubeconfig, logs, "apply", "--server-side", "-k", "crds").ok();
            kubectl(kubeconfig, logs, "apply", "--server-side", "-k", "config/default").ok();
            cluster.awaitEstablished(crdName(CloudRecording.class));
            cluster.awaitEstablished(crdName(CloudRecordingSchedule.class));

            try (JarProcess current = JarProcess.start("upgrade-this-release", env)) {
                current.awaitOperatorStarted(WAIT);
                Instant started = Instant.now();
                Awaitility.await().atMost(WAIT.multipliedBy(2)).ignoreExceptions().until(() -> {
                    Map<String, Snapshot> now = snapshots(admin);
                    return now.keySet().stream().anyMatch(n -> !before.containsKey(n))
                            && now.values().stream().allMatch(s -> s.taskId() != null);
                });
                Awaitility.await("the new operator follows the tasks it found").atMost(WAIT).until(() ->
                        emulator.calls().stream().filter(c -> "DescribeCloudRecording".equals(c.action())
                                && c.at().isAfter(started)).count() >= before.size());
                Map<String, Snapshot> after = snapshots(admin);
                for (Snapshot was : before.values()) {
                    Snapshot now = after.get(was.name());
                    assertThat(now).as("%s still exists", was.name()).isNotNull();
                    assertThat(now.taskId()).as("%s keeps its TaskId", was.name()).isEqualTo(was.taskId());
                    assertThat(now.finalizers()).as("%s keeps its finalizer", was.name()).contains(CloudRecording.FINALIZER);
                    assertThat(now.generation()).as("%s: no spec write", was.name()).isEqualTo(was.generation());
                    assertThat(now.uid()).isEqualTo(was.uid());
                }
                long newChildren = after.keySet().stream().filter(n -> !before.containsKey(n)).count();
                assertThat(newChildren).as("the schedule started a slot after the upgrade").isPositive();
                assertThat(emulator.calls().stream().filter(c -> "CreateCloudRecording".equals(c.action())).count())
                        .as("one Create per recording that did not exist before the upgrade, none for the others")
                        .isEqualTo(createsBefore + newChildren);
                CloudRecordingSchedule schedule = admin.resources(CloudRecordingSchedule.class).inNamespace(NS)
                        .withName("every-minute").get();
                assertThat(Instant.parse(schedule.getStatus().getLastScheduleTime())).isAfter(upgraded.minusSeconds(60));
                assertThat(schedule.getMetadata().getGeneration()).isEqualTo(1L);
                assertThat(current.output()).doesNotContain("is not installed");
            }
        }
    }

    /** What the upgrade must keep of a recording. */
    record Snapshot(String name, String uid, String taskId, List<String> finalizers, long generation) {
    }

    private static Map<String, Snapshot> snapshots(KubernetesClient admin) {
        return admin.resources(CloudRecording.class).inNamespace(NS).list().getItems().stream()
                .map(r -> new Snapshot(r.getMetadata().getName(), r.getMetadata().getUid(),
                        r.getStatus() == null ? null : r.getStatus().getTaskId(), r.getMetadata().getFinalizers(),
                        r.getMetadata().getGeneration()))
                .collect(Collectors.toMap(Snapshot::name, s -> s));
    }

    private static CloudRecording recording(Path release, String name, String room) throws Exception {
        CloudRecording r = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(Files.newInputStream(
                release.resolve("config/samples/trtc_v1alpha1_cloudrecording_mixed_vod.yaml")), CloudRecording.class);
        r.getMetadata().setName(name);
        r.getMetadata().setNamespace(NS);
        r.getSpec().setRoomId(room);
        return r;
    }

    private static GenericKubernetesResource schedule() {
        return io.fabric8.kubernetes.client.utils.Serialization.unmarshal("""
                apiVersion: trtc.tencentcloud.com/v1alpha1
                kind: CloudRecordingSchedule
                metadata:
                  name: every-minute
                  namespace: %s
                spec:
                  schedule: "* * * * *"
                  concurrencyPolicy: Allow
                  successfulHistoryLimit: 10
                  template:
                    spec:
                      sdkAppId: %d
                      roomId: "8890"
                      credentialsSecretRef:
                        name: trtc-credentials
                      recordParams:
                        recordMode: MixedStream
                      storageParams:
                        cloudVod:
                          tencentVod: {}
                """.formatted(NS, SDK_APP_ID), GenericKubernetesResource.class);
    }

    private static String crdName(Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type) {
        return io.fabric8.kubernetes.api.model.HasMetadata.getFullResourceName(type);
    }

    private static Cli.Result kubectl(Path kubeconfig, Path home, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(RealApiServer.kubectl().toString()));
        command.addAll(List.of(args));
        return Cli.run(kubeconfig, home, command);
    }
}
