package com.tencentcloud.trtc.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.EndedTask;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.callback.SignedCallbacks;
import com.tencentcloud.trtc.operator.emulator.CallRecord;
import com.tencentcloud.trtc.operator.emulator.TaskState;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeping a recording alive (design §10) as a cluster runs it: the operator jar as its own process, installed with
 * {@code config/default} on the real API server, against the TRTC emulator, with callbacks delivered the way TRTC
 * delivers them (signed HTTP POSTs to the operator's receiver). Each test has its own namespace and its own
 * Tencent Cloud key, so the emulator's calls and tasks of one test are told apart from the others'.
 */
@ExtendWith(RealApiServer.class)
class TaskRestartIT {

    static final Path SAMPLE = Path.of("config", "samples", "trtc_v1alpha1_cloudrecording_mixed_vod.yaml");
    static final String NAME = "mixed-to-vod";
    static final long SDK_APP_ID = 1400000001L;
    static final String CALLBACK_KEY = "restartCallbackKey0123";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final List<String> CASES = List.of("room-timeout", "idle-timeout", "never", "limit", "crash");

    static KubernetesClient admin;
    static TrtcEmulator emulator;
    static Path kubeconfig;
    static int callbackPort;
    static Map<String, String> namespaces = new java.util.LinkedHashMap<>();
    static JarProcess operator;

    @BeforeAll
    static void installAndStart() throws Exception {
        RealApiServer.installCrds();
        admin = RealApiServer.client();
        ConfigDefault install = ConfigDefault.applyTo(admin);
        kubeconfig = install.serviceAccountKubeconfig(admin, RealApiServer.kubeconfigYaml(), Path.of("target", "it-logs"));
        TrtcEmulator.Builder builder = TrtcEmulator.builder();
        for (String c : CASES) {
            namespaces.put(c, RealApiServer.newNamespace("restart-" + c));
            builder.credential(secretId(c), "restart-secret-key-" + c);
        }
        emulator = builder.build().start();
        emulator.anchorJoins(SDK_APP_ID, "8888", 1, "teacher");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            callbackPort = socket.getLocalPort();
        }
        operator = startOperator("restart-operator-1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (operator != null) {
            operator.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    static JarProcess startOperator(String name) {
        JarProcess process = JarProcess.start(name, Map.of(
                "KUBECONFIG", kubeconfig.toAbsolutePath().toString(),
                "TRTC_ENDPOINT", emulator.baseUrl(),
                "WATCH_NAMESPACES", String.join(",", namespaces.values()),
                "TRTC_POLL_INTERVAL", "5s",
                "CALLBACK_PORT", Integer.toString(callbackPort),
                "METRICS_PORT", "0",
                "METRICS_BIND_ADDRESS", "127.0.0.1"));
        process.awaitOperatorStarted(WAIT);
        return process;
    }

    @Test
    void aRoomTimeoutGivesExactlyOneNewTaskAndKeepsTheFirstTaskAndItsFiles() throws Exception {
        String c = "room-timeout";
        String first = start(c, spec -> { });
        assertThat(post(c, first, 311, vod("5285890790"))).isEqualTo(200);
        awaitRecording(c, r -> r.getStatus().getStorageFiles() != null && !r.getStatus().getStorageFiles().isEmpty());

        Instant sent = Instant.now();
        assertThat(post(c, first, 302, "{\"LeaveCode\":100}")).isEqualTo(200);
        CloudRecording waiting = awaitRecording(c, r -> r.getStatus().getPhase() == Phase.Restarting);
        assertThat(ready(waiting).getReason()).isEqualTo("Restarting");
        CloudRecording newTask = awaitRecording(c, r -> r.getStatus().getTaskId() != null && !first.equals(r.getStatus().getTaskId()));
        Duration toNewTask = Duration.between(sent, Instant.now());
        System.out.printf("TaskRestartIT: 302 LeaveCode 100 -> new TaskId seen after %d ms%n", toNewTask.toMillis());
        String second = newTask.getStatus().getTaskId();
        CloudRecording restarted = awaitRecording(c, TaskRestartIT::taskIdAnnotated);

        List<CallRecord> creates = calls(c, "CreateCloudRecording");
        assertThat(creates).hasSize(2);
        assertThat(Duration.between(sent, creates.get(1).at())).as("the back-off of 10 s came first")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(restarted.getStatus().getRestarts()).isEqualTo(1);
        assertThat(restarted.getStatus().getTaskHistory()).extracting(EndedTask::getTaskId, EndedTask::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, "RoomTimeout"));
        assertThat(restarted.getMetadata().getAnnotations()).containsEntry(CloudRecording.ANNOTATION_TASK_ID, second)
                .doesNotContainKey(CloudRecording.ANNOTATION_CREATE_PENDING);
        assertThat(liveTasks(c)).as("one live task, the new one").containsExactly(second);
        assertThat(emulator.task(second).orElseThrow().userId()).isEqualTo(emulator.task(first).orElseThrow().userId());

        assertThat(post(c, first, 311, vod("5285890791"))).as("a late VOD commit of the ended task").isEqualTo(200);
        assertThat(post(c, second, 311, vod("5285890792"))).isEqualTo(200);
        CloudRecording withFiles = awaitRecording(c, r -> r.getStatus().getStorageFiles().size() == 3);
        assertThat(withFiles.getStatus().getStorageFiles()).extracting(StorageFileStatus::getFileId, StorageFileStatus::getTaskId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5285890790", first),
                        org.assertj.core.groups.Tuple.tuple("5285890791", first),
                        org.assertj.core.groups.Tuple.tuple("5285890792", second));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(warnings(c)).contains("TaskRestarted"));
        Thread.sleep(5_000);
        assertThat(calls(c, "CreateCloudRecording")).as("still exactly one new Create").hasSize(2);
    }

    @Test
    void anIdleTimeoutIsFinal() throws Exception {
        String c = "idle-timeout";
        String first = start(c, spec -> { });
        assertThat(post(c, first, 302, "{\"LeaveCode\":99}")).isEqualTo(200);

        CloudRecording stopped = awaitRecording(c, r -> r.getStatus().getPhase() == Phase.Stopped);
        assertThat(ready(stopped).getReason()).isEqualTo("IdleTimeout");
        Thread.sleep(15_000);
        assertThat(calls(c, "CreateCloudRecording")).hasSize(1);
        assertThat(get(c).getStatus().getPhase()).isEqualTo(Phase.Stopped);
        assertThat(get(c).getStatus().getRestarts()).isNull();
    }

    @Test
    void restartPolicyNeverMakesARoomTimeoutFinal() throws Exception {
        String c = "never";
        String first = start(c, spec -> spec.put("restartPolicy", "Never"));
        assertThat(post(c, first, 302, "{\"LeaveCode\":100}")).isEqualTo(200);

        CloudRecording stopped = awaitRecording(c, r -> r.getStatus().getPhase() == Phase.Stopped);
        assertThat(ready(stopped).getReason()).isEqualTo("RoomTimeout");
        assertThat(ready(stopped).getMessage()).contains("restartPolicy is Never");
        Thread.sleep(15_000);
        assertThat(calls(c, "CreateCloudRecording")).hasSize(1);
    }

    @Test
    void backoffLimitOneEndsFailedAtTheSecondFailure() throws Exception {
        String c = "limit";
        String first = start(c, spec -> spec.put("backoffLimit", 1));
        assertThat(post(c, first, 302, "{\"LeaveCode\":100}")).isEqualTo(200);
        CloudRecording restarted = awaitRecording(c, r -> r.getStatus().getTaskId() != null && !first.equals(r.getStatus().getTaskId())
                && r.getStatus().getPhase() != Phase.Creating);
        String second = restarted.getStatus().getTaskId();
        awaitCallbackTarget(c, second);

        assertThat(post(c, second, 301, "{\"Status\":1}")).isEqualTo(200);
        CloudRecording failed = awaitRecording(c, r -> r.getStatus().getPhase() == Phase.Failed);
        assertThat(ready(failed).getReason()).isEqualTo("BackoffLimitExceeded");
        assertThat(failed.getStatus().getRestarts()).isEqualTo(1);
        assertThat(failed.getStatus().getTaskHistory()).extracting(EndedTask::getTaskId, EndedTask::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, "RoomTimeout"),
                        org.assertj.core.groups.Tuple.tuple(second, "StartFailed"));
        Thread.sleep(15_000);
        assertThat(calls(c, "CreateCloudRecording")).hasSize(2);
        assertThat(get(c).getStatus().getPhase()).isEqualTo(Phase.Failed);
    }

    @Test
    void aKillDuringTheBackOffStillGivesExactlyOneNewTask() throws Exception {
        String c = "crash";
        String first = start(c, spec -> { });
        assertThat(post(c, first, 302, "{\"LeaveCode\":100}")).isEqualTo(200);
        awaitRecording(c, r -> r.getStatus().getPhase() == Phase.Restarting);

        operator.kill();
        assertThat(calls(c, "CreateCloudRecording")).as("killed before the back-off ended").hasSize(1);
        operator = startOperator("restart-operator-2");

        CloudRecording restarted = awaitRecording(c, r -> r.getStatus().getTaskId() != null && !first.equals(r.getStatus().getTaskId()));
        String second = restarted.getStatus().getTaskId();
        assertThat(restarted.getStatus().getRestarts()).isEqualTo(1);
        Thread.sleep(10_000);
        assertThat(calls(c, "CreateCloudRecording")).hasSize(2);
        assertThat(liveTasks(c)).containsExactly(second);
        assertThat(get(c).getStatus().getTaskId()).isEqualTo(second);
    }

    /** Applies the sample in the case's namespace, with {@code change} made to its spec; returns the first TaskId. */
    private static String start(String c, Consumer<Map<String, Object>> change) throws IOException {
        String ns = namespaces.get(c);
        admin.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(ns).endMetadata()
                .withStringData(Map.of("secretId", secretId(c), "secretKey", "restart-secret-key-" + c,
                        "sdkSecretKey", "sdk-secret-key-for-" + c, "callbackKey", CALLBACK_KEY)).build()).create();
        io.fabric8.kubernetes.api.model.GenericKubernetesResource sample = admin.genericKubernetesResources(
                CloudRecording.GROUP + "/" + CloudRecording.VERSION, "CloudRecording").load(Files.newInputStream(SAMPLE)).item();
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) sample.getAdditionalProperties().get("spec");
        change.accept(spec);
        sample.getMetadata().setNamespace(ns);
        admin.resource(sample).create();
        String taskId = awaitRecording(c, r -> r.getStatus().getTaskId() != null).getStatus().getTaskId();
        awaitCallbackTarget(c, taskId);
        return taskId;
    }

    /** Waits until the operator's receiver knows {@code taskId}: an unknown TaskId is answered 200 and ignored. */
    private static void awaitCallbackTarget(String c, String taskId) {
        Awaitility.await().atMost(WAIT).until(() -> get(c).getMetadata().getAnnotations() != null
                && taskId.equals(get(c).getMetadata().getAnnotations().get(CloudRecording.ANNOTATION_TASK_ID)));
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int post(String c, String taskId, int type, String payload) throws Exception {
        long now = System.currentTimeMillis();
        return SignedCallbacks.post(callbackPort, CALLBACK_KEY, SDK_APP_ID, SignedCallbacks.body(type, taskId, now, payload)).statusCode();
    }

    private static String vod(String fileId) {
        return "{\"Status\":0,\"TencentVod\":{\"UserId\":\"\",\"TrackType\":\"audio_video\",\"MediaId\":\"mix\","
                + "\"FileId\":\"" + fileId + "\",\"VideoUrl\":\"https://1400000001.vod2.example/a/" + fileId + ".mp4\"}}";
    }

    private static String secretId(String c) {
        return "AKIDrestart" + c.replace("-", "");
    }

    private static List<CallRecord> calls(String c, String action) {
        return emulator.calls().stream().filter(r -> secretId(c).equals(r.secretId()) && action.equals(r.action())).toList();
    }

    private static List<String> liveTasks(String c) {
        return emulator.tasks().stream().filter(t -> secretId(c).equals(t.secretId()))
                .filter(t -> t.state() == TaskState.IDLE || t.state() == TaskState.IN_PROGRESS).map(t -> t.taskId()).toList();
    }

    private static List<String> warnings(String c) {
        return admin.v1().events().inNamespace(namespaces.get(c)).list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType())).map(e -> e.getReason()).toList();
    }

    /** The TaskId is written to status first, then to the annotation that replaces the create-pending mark. */
    private static boolean taskIdAnnotated(CloudRecording r) {
        Map<String, String> annotations = r.getMetadata().getAnnotations();
        return annotations != null && r.getStatus().getTaskId() != null
                && r.getStatus().getTaskId().equals(annotations.get(CloudRecording.ANNOTATION_TASK_ID))
                && !annotations.containsKey(CloudRecording.ANNOTATION_CREATE_PENDING);
    }

    private static CloudRecording get(String c) {
        return admin.resources(CloudRecording.class).inNamespace(namespaces.get(c)).withName(NAME).get();
    }

    private static Condition ready(CloudRecording r) {
        return Conditions.find(r.getStatus().getConditions(), Conditions.READY).orElseThrow();
    }

    private static CloudRecording awaitRecording(String c, Predicate<CloudRecording> test) {
        return Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> get(c),
                r -> r != null && r.getStatus() != null && test.test(r));
    }
}
