package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.NAME;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.condition;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.DeletionPolicy;
import com.tencentcloud.trtc.operator.api.v1alpha1.MixLayoutMode;
import com.tencentcloud.trtc.operator.api.v1alpha1.MixLayoutParams;
import com.tencentcloud.trtc.operator.api.v1alpha1.Recorder;
import com.tencentcloud.trtc.operator.api.v1alpha1.SubscribeStreamUserIds;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.testing.RunningClock;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class RecordingLifecycleTest {

    KubernetesClient client;

    private final FakeTrtcClient trtc = new FakeTrtcClient();
    private final RunningClock clock = new RunningClock();
    private OperatorHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client);
        harness.credentials(Recordings.CREDENTIALS);
    }

    @AfterEach
    void tearDown() {
        harness.close();
        assertThat(trtc.unexpectedCalls()).as("unscripted TRTC calls").isEmpty();
    }

    @Test
    void pausedResourceMakesNoCallUntilTheAnnotationGoes() {
        trtc.then("CreateCloudRecording", r -> created("task-p", "req-p"));
        harness.start(trtc, config(), clock);
        CloudRecording paused = load();
        paused.getMetadata().setAnnotations(Map.of(CloudRecording.ANNOTATION_PAUSED, "true"));
        client.resource(paused).create();

        CloudRecording r = harness.awaitStatus(NAME, s -> Conditions.REASON_PAUSED.equals(condition(s, Conditions.SYNCED).getReason()));
        assertThat(condition(r, Conditions.SYNCED).getStatus()).isEqualTo("False");
        assertThat(trtc.calls()).isEmpty();

        edit(cr -> cr.getMetadata().getAnnotations().remove(CloudRecording.ANNOTATION_PAUSED));
        harness.awaitStatus(NAME, s -> "task-p".equals(s.getTaskId()));
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
    }

    @Test
    void pausingARunningRecordingIsSeenAndHoldsItsDeletion() {
        trtc.then("CreateCloudRecording", r -> created("task-q", "req-q"));
        harness.start(trtc, config(), clock);
        client.resource(load()).create();
        harness.awaitStatus(NAME, s -> "task-q".equals(s.getTaskId()));

        edit(cr -> cr.getMetadata().getAnnotations().put(CloudRecording.ANNOTATION_PAUSED, "true"));
        harness.awaitStatus(NAME, s -> Conditions.REASON_PAUSED.equals(condition(s, Conditions.SYNCED).getReason()));
        client.resources(CloudRecording.class).inNamespace("media").withName(NAME).delete();
        CloudRecording r = harness.awaitStatus(NAME, s -> condition(s, Conditions.SYNCED).getMessage().contains("deletion waits"));
        assertThat(r.getMetadata().getFinalizers()).contains(CloudRecording.FINALIZER);
        assertThat(trtc.calls("DeleteCloudRecording")).isEmpty();

        edit(cr -> cr.getSpec().setDeletionPolicy(DeletionPolicy.Orphan));
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get(NAME) == null);
        assertThat(trtc.calls("DeleteCloudRecording")).isEmpty();
    }

    @Test
    void layoutAndSubscriptionChangesAreSentWholeWithModify() {
        trtc.then("CreateCloudRecording", r -> created("task-m", "req-m"))
                .then("ModifyCloudRecording", r -> new ModifyCloudRecordingResponse("task-m", "req-mod"))
                .always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(
                        "task-m", "InProgress", null, null, "req-d"));
        harness.start(trtc, config(), clock);
        client.resource(load()).create();
        harness.awaitStatus(NAME, s -> "task-m".equals(s.getTaskId()));

        edit(cr -> {
            MixLayoutParams layout = new MixLayoutParams();
            layout.setMixLayoutMode(MixLayoutMode.Grid);
            layout.setBackGroundColor("#112233");
            cr.getSpec().setMixLayoutParams(layout);
            SubscribeStreamUserIds users = new SubscribeStreamUserIds();
            users.setSubscribeVideoUserIds(List.of("teacher"));
            cr.getSpec().getRecordParams().setSubscribeStreamUserIds(users);
        });

        CloudRecording r = harness.awaitStatus(NAME, s -> Long.valueOf(2).equals(s.getObservedGeneration()));
        ModifyCloudRecordingRequest sent = (ModifyCloudRecordingRequest) trtc.calls("ModifyCloudRecording").get(0).request();
        assertThat(sent.taskId()).isEqualTo("task-m");
        assertThat(sent.mixLayoutParams().mixLayoutMode()).isEqualTo(3L);
        assertThat(sent.mixLayoutParams().backGroundColor()).isEqualTo("#112233");
        assertThat(sent.subscribeStreamUserIds().subscribeVideoUserIds()).containsExactly("teacher");
        assertThat(condition(r, Conditions.SYNCED).getObservedGeneration()).isEqualTo(2L);
        await().untilAsserted(() -> assertThat(harness.reasons()).contains("Modified"));
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
    }

    @Test
    void aLaterResourceWithTheSameRobotInTheSameRoomWaitsNamingTheEarlierOne() throws Exception {
        trtc.then("CreateCloudRecording", r -> created("task-a", "req-a"))
                .always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(
                        "task-a", "Idle", null, null, "req-d"));
        harness.start(trtc, config(), clock);
        client.resource(withRobot(load(), "recorder_3560")).create();
        harness.awaitStatus(NAME, s -> "task-a".equals(s.getTaskId()));
        Thread.sleep(1100);
        CloudRecording second = withRobot(load(), "recorder_3560");
        second.getMetadata().setName("allhands-copy");
        client.resource(second).create();

        CloudRecording r = harness.awaitStatus("allhands-copy", s -> Conditions.isTrue(s.getConditions(), Conditions.STALLED));
        assertThat(condition(r, Conditions.STALLED).getReason()).isEqualTo("RecorderConflict");
        assertThat(condition(r, Conditions.STALLED).getMessage()).contains("media/" + NAME).contains("recorder_3560");
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
    }

    @Test
    void resourceCreatedWithATaskIdAnnotationAdoptsThatTask() {
        trtc.always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(
                ((DescribeCloudRecordingRequest) r).taskId(), "InProgress", null, null, "req-d"));
        harness.start(trtc, config(), clock);
        CloudRecording adopted = load();
        adopted.getMetadata().setAnnotations(Map.of(CloudRecording.ANNOTATION_TASK_ID, "existing-task"));
        client.resource(adopted).create();

        CloudRecording r = harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Recording);
        assertThat(r.getStatus().getTaskId()).isEqualTo("existing-task");
        assertThat(trtc.calls("CreateCloudRecording")).isEmpty();
        assertThat(((DescribeCloudRecordingRequest) trtc.calls("DescribeCloudRecording").get(0).request()).taskId()).isEqualTo("existing-task");
    }

    @Test
    void statusWithATaskIdAndNothingElseIsDescribedNotModifiedAndGetsItsPhase() {
        trtc.always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(
                ((DescribeCloudRecordingRequest) r).taskId(), "InProgress", null, null, "req-d"));
        CloudRecording stored = client.resource(load()).create();
        com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus partial =
                new com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus();
        partial.setTaskId("task-from-another-tool");
        stored.setStatus(partial);
        client.resource(stored).updateStatus();
        harness.start(trtc, config(), clock);

        CloudRecording r = harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Recording);
        assertThat(r.getStatus().getTaskId()).isEqualTo("task-from-another-tool");
        assertThat(condition(r, Conditions.READY).getStatus()).isEqualTo("True");
        assertThat(trtc.calls("CreateCloudRecording")).isEmpty();
        assertThat(trtc.calls("ModifyCloudRecording")).isEmpty();
        assertThat(((DescribeCloudRecordingRequest) trtc.calls("DescribeCloudRecording").get(0).request()).taskId())
                .isEqualTo("task-from-another-tool");
    }

    @Test
    void afterTheManagementWindowNoCallIsMadeAndDeletionReleasesWithAWarning() {
        trtc.then("CreateCloudRecording", r -> created("task-e", "req-e"))
                .always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(
                        "task-e", "InProgress", null, null, "req-d"));
        harness.start(trtc, config(), clock);
        client.resource(load()).create();
        harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Recording);

        clock.advance(Duration.ofHours(72));
        CloudRecording r = harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Expired);
        assertThat(condition(r, Conditions.READY)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("ManagementWindowExpired");
            assertThat(c.getMessage()).contains("continues until the room is idle");
        });
        int describes = trtc.calls("DescribeCloudRecording").size();

        client.resources(CloudRecording.class).inNamespace("media").withName(NAME).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get(NAME) == null);
        assertThat(trtc.calls("DeleteCloudRecording")).isEmpty();
        assertThat(trtc.calls("DescribeCloudRecording")).hasSize(describes);
        await().untilAsserted(() -> assertThat(harness.warnings()).contains("NotStopped"));
    }

    @Test
    void atMaxDurationTheTaskIsStoppedOnceAndTheResourceIsStoppedWithTheReason() {
        trtc.then("CreateCloudRecording", r -> created("task-md", "req-md"))
                .always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse("task-md", "InProgress", null, null, "req-d"))
                .then("DeleteCloudRecording", r -> new DeleteCloudRecordingResponse("task-md", "req-stop"));
        harness.start(trtc, config(), clock);
        CloudRecording limited = load();
        limited.getSpec().setMaxDuration("90m");
        client.resource(limited).create();
        harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Recording);
        clock.advance(Duration.ofMinutes(89));
        await().pollDelay(Duration.ofMillis(1500)).until(() -> trtc.calls("DescribeCloudRecording").size() > 2);
        assertThat(trtc.calls("DeleteCloudRecording")).as("not before 90 minutes").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        CloudRecording r = harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Stopped);

        assertThat(condition(r, Conditions.READY)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("MaxDurationReached");
            assertThat(c.getMessage()).contains("task-md").contains("90m");
        });
        assertThat(r.getStatus().getLastRequestId()).isEqualTo("req-stop");
        assertThat(trtc.calls("DeleteCloudRecording")).singleElement().satisfies(call ->
                assertThat(((DeleteCloudRecordingRequest) call.request()).taskId()).isEqualTo("task-md"));
        await().untilAsserted(() -> assertThat(harness.reasons()).contains("MaxDurationReached"));
        int describes = trtc.calls("DescribeCloudRecording").size();
        client.resources(CloudRecording.class).inNamespace("media").withName(NAME).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get(NAME) == null);
        assertThat(trtc.calls("DeleteCloudRecording")).as("deletion of a stopped task makes no call").hasSize(1);
        assertThat(trtc.calls("DescribeCloudRecording")).hasSize(describes);
    }

    @Test
    void aTaskGoneAtMaxDurationCountsAsStoppedByTheLimit() {
        trtc.then("CreateCloudRecording", r -> created("task-mg", "req-mg"))
                .always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse("task-mg", "InProgress", null, null, "req-d"))
                .then("DeleteCloudRecording", r -> new com.tencentcloud.trtc.operator.trtc.TrtcApiException(
                        "DeleteCloudRecording", "ResourceNotFound", "task not found", "req-gone"));
        harness.start(trtc, config(), clock);
        CloudRecording limited = load();
        limited.getSpec().setMaxDuration("1h");
        client.resource(limited).create();
        harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Recording);

        clock.advance(Duration.ofMinutes(61));
        CloudRecording r = harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Stopped);

        assertThat(condition(r, Conditions.READY).getReason()).isEqualTo("MaxDurationReached");
        assertThat(trtc.calls("DeleteCloudRecording")).hasSize(1);
    }

    @Test
    void endedTaskIsStoppedForGoodAndItsDeletionMakesNoCall() {
        trtc.then("CreateCloudRecording", r -> created("task-x", "req-x"))
                .always("DescribeCloudRecording", r -> new com.tencentcloud.trtc.operator.trtc.TrtcApiException(
                        "DescribeCloudRecording", "ResourceNotFound", "task not found", "req-nf"));
        harness.start(trtc, config(), clock);
        client.resource(load()).create();

        CloudRecording r = harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Stopped);
        assertThat(condition(r, Conditions.READY).getReason()).isEqualTo("Completed");
        edit(cr -> cr.getSpec().setMixLayoutParams(new MixLayoutParams()));
        harness.awaitStatus(NAME, s -> Long.valueOf(2).equals(s.getObservedGeneration()));
        client.resources(CloudRecording.class).inNamespace("media").withName(NAME).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get(NAME) == null);
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
        assertThat(trtc.calls("ModifyCloudRecording")).isEmpty();
        assertThat(trtc.calls("DeleteCloudRecording")).isEmpty();
    }

    private static CloudRecording withRobot(CloudRecording r, String userId) {
        Recorder recorder = new Recorder();
        recorder.setUserId(userId);
        r.getSpec().setRecorder(recorder);
        return r;
    }

    private void edit(java.util.function.Consumer<CloudRecording> change) {
        client.resources(CloudRecording.class).inNamespace("media").withName(NAME).edit(cr -> {
            if (cr.getMetadata().getAnnotations() == null) {
                cr.getMetadata().setAnnotations(new java.util.HashMap<>());
            }
            change.accept(cr);
            return cr;
        });
    }

    private static OperatorConfig config() {
        return new OperatorConfig("trtc.tencentcloudapi.com", "ap-guangzhou", java.util.Optional.empty(), java.util.Set.of(),
                20, Duration.ofSeconds(1), 10, 0, false, null, false, java.net.InetAddress.getLoopbackAddress());
    }
}
