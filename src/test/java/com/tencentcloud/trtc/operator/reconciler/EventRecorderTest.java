package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Events are written in the background: a reconcile never waits for one, and one resource's keep their order. */
@EnableKubernetesMockClient
class EventRecorderTest {

    KubernetesClient client;
    KubernetesMockServer server;

    private final CountDownLatch answer = new CountDownLatch(1);
    private final List<String> written = new CopyOnWriteArrayList<>();

    private void apiAnswersOnlyWhenReleased() {
        server.expect().post().withPath("/api/v1/namespaces/media/events").andReply(201, request -> {
            try {
                answer.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Event event = Serialization.unmarshal(request.getBody().readUtf8(), Event.class);
            written.add(event.getReason());
            return event;
        }).always();
    }

    @Test
    void recordingReturnsWhileTheApiHasNotAnsweredAndOneResourcesEventsArriveInTheOrderRecorded() {
        apiAnswersOnlyWhenReleased();
        EventRecorder events = new EventRecorder(client, Clock.systemUTC());
        CloudRecording r = recording("uid-1");

        IntStream.range(0, 20).forEach(i -> events.normal(r, "Step" + i, "step " + i));

        assertThat(written).as("all 20 recorded while the API answered none").isEmpty();
        answer.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> written.size() == 20);
        assertThat(written).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "Step" + i).toList());
    }

    @Test
    void pastAThousandWaitingOnItsThreadAnEventIsDroppedNotWaitedFor() throws Exception {
        apiAnswersOnlyWhenReleased();
        EventRecorder events = new EventRecorder(client, Clock.systemUTC());
        CloudRecording r = recording("uid-2");

        events.normal(r, "First", "being written");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.getRequestCount() >= 1);
        IntStream.range(0, EventRecorder.QUEUED_PER_LANE).forEach(i -> events.normal(r, "Queued", "waits"));
        events.warning(r, "Dropped", "finds its thread's queue full");
        answer.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> written.size() == 1 + EventRecorder.QUEUED_PER_LANE);
        Thread.sleep(200);
        assertThat(written).hasSize(1 + EventRecorder.QUEUED_PER_LANE).doesNotContain("Dropped").startsWith("First");
    }

    private static CloudRecording recording(String uid) {
        CloudRecording r = new CloudRecording();
        r.getMetadata().setNamespace("media");
        r.getMetadata().setName("weekly-allhands");
        r.getMetadata().setUid(uid);
        return r;
    }
}
