package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.NAME;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.testing.RunningClock;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.StorageFile;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code spec.ttlSecondsAfterFinished} on the mock API: when a finished recording goes, and what it leaves behind. */
@EnableKubernetesMockClient(crud = true)
class TtlAfterFinishedTest {

    KubernetesClient client;

    private final FakeTrtcClient trtc = new FakeTrtcClient();
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
    void aStoppedRecordingIsDeletedTtlAfterItEndedWithItsFilesInAnEventAndNoTrtcCall() {
        scriptTaskThatRecordsTwoFilesThenEnds();
        harness.start(trtc, config(), new RunningClock());
        CloudRecording r = load();
        r.getSpec().setTtlSecondsAfterFinished(3);
        client.resource(r).create();

        CloudRecording stopped = harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Stopped);
        Instant stoppedSeen = Instant.now();
        assertThat(harness.get(NAME)).as("kept until ttlSecondsAfterFinished passes").isNotNull();

        await().atMost(Duration.ofSeconds(15)).until(() -> harness.get(NAME) == null);
        assertThat(Duration.between(stoppedSeen, Instant.now())).isGreaterThan(Duration.ofMillis(1500));
        Event gone = await().atMost(Duration.ofSeconds(10)).until(() -> harness.events().stream()
                .filter(e -> TtlAfterFinished.REASON.equals(e.getReason())).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(gone.getType()).isEqualTo("Normal");
        assertThat(gone.getMessage()).contains("ttlSecondsAfterFinished 3 s", "task task-ttl", "2 files",
                "1400188366_3560_teacher_main.mp4", "1400188366_3560_student_main.mp4");
        assertThat(gone.getInvolvedObject().getUid()).isEqualTo(stopped.getMetadata().getUid());
        assertThat(trtc.calls("DeleteCloudRecording")).as("a finished task needs no stop").isEmpty();
    }

    @Test
    void aStoppedRecordingWithoutTtlIsKept() throws Exception {
        scriptTaskThatRecordsTwoFilesThenEnds();
        harness.start(trtc, config(), new RunningClock());
        client.resource(load()).create();

        harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Stopped);
        Thread.sleep(3000);
        assertThat(harness.get(NAME)).isNotNull();
        assertThat(harness.reasons()).doesNotContain(TtlAfterFinished.REASON);
    }

    @Test
    void settingTheTtlOnARecordingThatFinishedLongAgoDeletesItAtOnce() {
        scriptTaskThatRecordsTwoFilesThenEnds();
        harness.start(trtc, config(), new RunningClock());
        client.resource(load()).create();
        harness.awaitStatus(NAME, s -> s.getPhase() == Phase.Stopped);

        client.resources(CloudRecording.class).inNamespace(OperatorHarness.NAMESPACE).withName(NAME)
                .edit(cr -> {
                    cr.getSpec().setTtlSecondsAfterFinished(0);
                    return cr;
                });

        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get(NAME) == null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(harness.reasons()).contains(TtlAfterFinished.REASON));
    }

    private void scriptTaskThatRecordsTwoFilesThenEnds() {
        trtc.then("CreateCloudRecording", r -> created("task-ttl", "req-c"))
                .then("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse("task-ttl", "InProgress", List.of(
                        new StorageFile("teacher", "1400188366_3560_teacher_main.mp4", "audio_video", 1L),
                        new StorageFile("student", "1400188366_3560_student_main.mp4", "audio_video", 2L)), null, "req-d1"))
                .always("DescribeCloudRecording", r -> new TrtcApiException("DescribeCloudRecording", "ResourceNotFound",
                        "task not found", "req-d2"));
    }

    private static OperatorConfig config() {
        return new OperatorConfig("trtc.tencentcloudapi.com", "ap-guangzhou", java.util.Optional.empty(), java.util.Set.of(),
                20, Duration.ofSeconds(1), 10, 0, false, null, false, java.net.InetAddress.getLoopbackAddress());
    }
}
