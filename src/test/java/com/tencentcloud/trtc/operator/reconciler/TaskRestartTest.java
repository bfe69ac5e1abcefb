package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.condition;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.EndedTask;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.callback.SignedCallbacks;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task that the service ends by fault is replaced through the create path (design §10): signed callbacks into a
 * running operator (mock API server, fake TRTC that fails on any call it was not told to expect). The back-off is the
 * real one, so the restart takes ten seconds.
 */
@EnableKubernetesMockClient(crud = true)
class TaskRestartTest {

    static final String KEY = "cbkey0123456789";
    static final long APP = 1400000001L;
    static final long T0 = 1_700_000_000_000L;

    KubernetesClient client;

    private final FakeTrtcClient trtc = new FakeTrtcClient();
    private OperatorHarness harness;
    private CallbackServer server;

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client);
        harness.credentialsWithCallbackKey(KEY);
        trtc.then("CreateCloudRecording", r -> created("task-1", "req-create-1"))
                .then("CreateCloudRecording", r -> created("task-2", "req-create-2"));
        trtc.always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(null, "InProgress", null, null, "req-d"));
        harness.start(trtc, OperatorHarness.config(Map.of("TRTC_POLL_INTERVAL", "5s")));
        server = harness.receiveCallbacks();
    }

    @AfterEach
    void tearDown() {
        server.close();
        harness.close();
        assertThat(trtc.unexpectedCalls()).isEmpty();
    }

    @Test
    void aRoomTimeoutStartsOneNewTaskWithTheSameRobotAfterTheBackOffAndKeepsTheFirstTasksFiles() throws Exception {
        client.resource(Recordings.load()).create();
        harness.awaitStatus(Recordings.NAME, s -> "task-1".equals(s.getTaskId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.callbacks().target("task-1").isPresent());

        assertThat(post("task-1", 302, T0, "{\"LeaveCode\":100}")).isEqualTo(200);
        CloudRecording waiting = harness.awaitStatus(Recordings.NAME, s -> s.getPhase() == Phase.Restarting);
        assertThat(condition(waiting, Conditions.READY).getReason()).isEqualTo("Restarting");
        assertThat(trtc.calls("CreateCloudRecording")).as("nothing before the back-off").hasSize(1);

        CloudRecording restarted = await().atMost(Duration.ofSeconds(25)).until(() -> harness.get(Recordings.NAME),
                r -> "task-2".equals(r.getStatus().getTaskId()) && r.getMetadata().getAnnotations() != null
                        && "task-2".equals(r.getMetadata().getAnnotations().get(CloudRecording.ANNOTATION_TASK_ID))
                        && !r.getMetadata().getAnnotations().containsKey(CloudRecording.ANNOTATION_CREATE_PENDING));
        assertThat(restarted.getStatus().getRestarts()).isEqualTo(1);
        assertThat(restarted.getStatus().getTaskHistory()).extracting(EndedTask::getTaskId, EndedTask::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("task-1", "RoomTimeout"));
        assertThat(restarted.getMetadata().getAnnotations()).containsEntry(CloudRecording.ANNOTATION_TASK_ID, "task-2")
                .doesNotContainKey(CloudRecording.ANNOTATION_CREATE_PENDING);
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(2).extracting(c -> ((CreateCloudRecordingRequest) c.request()).userId())
                .as("the same robot both times").containsOnly(restarted.getStatus().getRecorderUserId());
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.warnings().contains("TaskRestarted"));

        String vod = "{\"Status\":0,\"TencentVod\":{\"UserId\":\"\",\"TrackType\":\"audio_video\",\"MediaId\":\"mix\","
                + "\"FileId\":\"5285890790\",\"VideoUrl\":\"https://1400000001.vod2.example/a/f0.mp4\"}}";
        assertThat(post("task-1", 311, T0 + 10_000, vod)).as("the ended task is still found by its TaskId").isEqualTo(200);
        CloudRecording withFile = harness.awaitStatus(Recordings.NAME, s -> s.getStorageFiles() != null && !s.getStorageFiles().isEmpty());
        assertThat(withFile.getStatus().getStorageFiles()).singleElement().satisfies(f -> {
            assertThat(f.getFileId()).isEqualTo("5285890790");
            assertThat(f.getTaskId()).isEqualTo("task-1");
        });
        assertThat(withFile.getStatus().getTaskId()).isEqualTo("task-2");
        assertThat(withFile.getStatus().getPhase()).isNotEqualTo(Phase.Restarting);
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(2);
    }

    @Test
    void aRecordingPausedDuringTheBackOffStartsNoTask() throws Exception {
        String first = failFirstTask();
        client.resources(CloudRecording.class).inNamespace(OperatorHarness.NAMESPACE).withName(Recordings.NAME)
                .edit(r -> {
                    r.getMetadata().getAnnotations().put(CloudRecording.ANNOTATION_PAUSED, "true");
                    return r;
                });

        Thread.sleep(15_000);

        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
        assertThat(harness.get(Recordings.NAME).getStatus().getTaskId()).isEqualTo(first);
        assertThat(harness.get(Recordings.NAME).getStatus().getPhase()).isEqualTo(Phase.Restarting);
    }

    @Test
    void aRecordingDeletedDuringTheBackOffIsReleasedWithoutACall() throws Exception {
        failFirstTask();
        client.resources(CloudRecording.class).inNamespace(OperatorHarness.NAMESPACE).withName(Recordings.NAME).delete();

        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get(Recordings.NAME) == null);
        Thread.sleep(12_000);

        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
        assertThat(trtc.calls("DeleteCloudRecording")).as("the task had ended").isEmpty();
    }

    @Test
    void restartPolicyNeverSetDuringTheBackOffEndsTheRecordingInstead() throws Exception {
        failFirstTask();
        client.resources(CloudRecording.class).inNamespace(OperatorHarness.NAMESPACE).withName(Recordings.NAME)
                .edit(r -> {
                    r.getSpec().setRestartPolicy(com.tencentcloud.trtc.operator.api.v1alpha1.RestartPolicy.Never);
                    return r;
                });

        CloudRecording stopped = harness.awaitStatus(Recordings.NAME, s -> s.getPhase() == Phase.Stopped);
        assertThat(condition(stopped, Conditions.READY).getMessage()).contains("restartPolicy is Never");
        assertThat(stopped.getStatus().getObservedGeneration()).isEqualTo(stopped.getMetadata().getGeneration());
        Thread.sleep(12_000);
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
    }

    /** Starts the recording and ends its task with a 302 LeaveCode 100; returns that task's id. */
    private String failFirstTask() throws Exception {
        client.resource(Recordings.load()).create();
        harness.awaitStatus(Recordings.NAME, s -> "task-1".equals(s.getTaskId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.callbacks().target("task-1").isPresent());
        assertThat(post("task-1", 302, T0, "{\"LeaveCode\":100}")).isEqualTo(200);
        harness.awaitStatus(Recordings.NAME, s -> s.getPhase() == Phase.Restarting);
        return "task-1";
    }

    private int post(String taskId, int type, long eventMs, String payload) throws Exception {
        return SignedCallbacks.post(server.port(), KEY, APP, SignedCallbacks.body(type, taskId, eventMs, payload)).statusCode();
    }
}
