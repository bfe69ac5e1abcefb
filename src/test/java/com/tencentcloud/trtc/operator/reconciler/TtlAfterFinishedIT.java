package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.StorageFile;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code spec.ttlSecondsAfterFinished} on a real API server: the schema takes it and refuses a negative one, it can
 * change after creation, and the production assembly (server-side apply on, finalizer held) deletes a finished
 * recording that long after it ended, through its finalizer, with its files in an Event and without a TRTC call.
 */
@ExtendWith(RealApiServer.class)
class TtlAfterFinishedIT {

    static KubernetesClient client;

    @BeforeAll
    static void installCrds() {
        RealApiServer.installCrds();
        client = RealApiServer.client();
    }

    @Test
    void aNegativeTtlIsRefusedAndTheTtlCanChangeAfterCreation() {
        String ns = RealApiServer.newNamespace("ttl-schema");
        CloudRecording negative = recordingIn(ns, "negative");
        negative.getSpec().setTtlSecondsAfterFinished(-1);
        assertThatThrownBy(() -> client.resource(negative).create())
                .isInstanceOf(KubernetesClientException.class).hasMessageContaining("ttlSecondsAfterFinished");

        CloudRecording kept = client.resource(recordingIn(ns, "kept")).create();
        CloudRecording changed = client.resources(CloudRecording.class).inNamespace(ns).withName("kept").edit(cr -> {
            cr.getSpec().setTtlSecondsAfterFinished(600);
            return cr;
        });
        assertThat(changed.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
        assertThat(changed.getMetadata().getGeneration()).isGreaterThan(kept.getMetadata().getGeneration());
    }

    @Test
    void aFinishedRecordingIsDeletedTtlAfterItEndedAndOneWithoutTtlIsKept() throws Exception {
        String ns = RealApiServer.newNamespace("ttl-delete");
        credentials(ns);
        Map<String, Integer> described = new java.util.concurrent.ConcurrentHashMap<>();
        FakeTrtcClient trtc = new FakeTrtcClient()
                .then("CreateCloudRecording", r -> created("task-ttl-1", "req-c1"))
                .then("CreateCloudRecording", r -> created("task-ttl-2", "req-c2"))
                .always("DescribeCloudRecording", r -> described.merge(((DescribeCloudRecordingRequest) r).taskId(), 1, Integer::sum) == 1
                        ? new DescribeCloudRecordingResponse(((DescribeCloudRecordingRequest) r).taskId(), "InProgress", List.of(
                                new StorageFile("teacher", "1400188366_3560_teacher.mp4", "audio_video", 1L)), null, "req-d")
                        : new TrtcApiException("DescribeCloudRecording", "ResourceNotFound", "task not found", "req-gone"));
        OperatorAssembly operator = OperatorAssembly.assemble(OperatorHarness.config(Map.of("WATCH_NAMESPACES", ns,
                "TRTC_POLL_INTERVAL", "5s")), client, trtc, WiringFixtures.tuning(true, null, () -> { }));
        operator.start(0);
        try {
            CloudRecording withTtl = recordingIn(ns, "with-ttl");
            withTtl.getSpec().setTtlSecondsAfterFinished(5);
            client.resource(withTtl).create();
            client.resource(recordingIn(ns, "without-ttl")).create();

            CloudRecording stopped = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get(ns, "with-ttl"),
                    cr -> cr == null || cr.getStatus() != null && cr.getStatus().getPhase() == Phase.Stopped);
            assertThat(stopped).as("seen Stopped before it went").isNotNull();
            assertThat(stopped.getMetadata().getFinalizers()).contains(CloudRecording.FINALIZER);

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get(ns, "with-ttl") == null);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get(ns, "without-ttl") != null
                    && get(ns, "without-ttl").getStatus().getPhase() == Phase.Stopped);
            Thread.sleep(7000);
            assertThat(get(ns, "without-ttl")).as("no ttlSecondsAfterFinished: kept").isNotNull();

            List<Event> events = client.v1().events().inNamespace(ns).list().getItems();
            Event expired = events.stream().filter(e -> TtlAfterFinished.REASON.equals(e.getReason())).findFirst().orElseThrow();
            assertThat(expired.getInvolvedObject().getName()).isEqualTo("with-ttl");
            assertThat(expired.getMessage()).contains("ttlSecondsAfterFinished 5 s", "task-ttl-", "1400188366_3560_teacher.mp4");
            assertThat(events).noneMatch(e -> TtlAfterFinished.REASON.equals(e.getReason()) && "without-ttl".equals(e.getInvolvedObject().getName()));
            assertThat(trtc.calls("DeleteCloudRecording")).as("a finished task needs no stop").isEmpty();
        } finally {
            operator.close();
        }
    }

    private static CloudRecording get(String ns, String name) {
        return client.resources(CloudRecording.class).inNamespace(ns).withName(name).get();
    }

    private static CloudRecording recordingIn(String ns, String name) {
        CloudRecording r = load();
        r.getMetadata().setNamespace(ns);
        r.getMetadata().setName(name);
        r.getSpec().setRoomId(name.equals("without-ttl") ? "3561" : "3560");
        return r;
    }

    private static void credentials(String ns) {
        Map<String, String> data = new HashMap<>();
        Recordings.CREDENTIALS.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(ns).endMetadata()
                .withData(data).build()).create();
    }
}
