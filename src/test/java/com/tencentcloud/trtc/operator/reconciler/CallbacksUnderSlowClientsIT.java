package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.callback.SignedCallbacks;
import com.tencentcloud.trtc.operator.callback.SlowClient;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole operator on a real API server, its callback receiver held by slow clients: TRTC's signed 302 is still
 * answered within 5 s and still ends the task in status, and the slow clients are cut off.
 */
@ExtendWith(RealApiServer.class)
class CallbacksUnderSlowClientsIT {

    static final String KEY = "itCallbackKey0123456789abcdef";
    static final long APP = 1400000001L;
    static final String TASK = "task-under-slowloris";
    static final int SLOW_CLIENTS = 32;

    @Test
    void aSigned302IsAnsweredAndEndsTheTaskWhileSlowClientsHoldTheReceiver() throws Exception {
        RealApiServer.installCrds();
        KubernetesClient client = RealApiServer.client();
        String ns = RealApiServer.newNamespace("slow-callbacks");
        Map<String, String> data = new HashMap<>();
        Map<String, String> keys = new HashMap<>(Recordings.CREDENTIALS);
        keys.put("callbackKey", KEY);
        keys.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(ns).endMetadata()
                .withData(data).build()).create();
        FakeTrtcClient trtc = new FakeTrtcClient().then("CreateCloudRecording", req -> created(TASK, "req-create"))
                .always("DescribeCloudRecording", req -> new DescribeCloudRecordingResponse(TASK, "InProgress", null, null, "req-d"));
        OperatorAssembly operator = OperatorAssembly.assemble(OperatorHarness.config(Map.of("WATCH_NAMESPACES", ns)),
                client, trtc, WiringFixtures.tuning(true, null, () -> { }));
        ExecutorService slowPool = Executors.newFixedThreadPool(SLOW_CLIENTS);
        try {
            operator.start(0, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = operator.callbackPort();
            CloudRecording r = Recordings.load();
            r.getMetadata().setNamespace(ns);
            String name = r.getMetadata().getName();
            client.resource(r).create();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(client, ns, name),
                    s -> s != null && TASK.equals(s.getTaskId()));
            long t0 = System.currentTimeMillis();
            Awaitility.await().alias("the receiver knows the task: its 301 becomes an Event")
                    .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        post(port, 301, t0, "{\"Status\":0}");
                        return client.v1().events().inNamespace(ns).list().getItems().stream()
                                .anyMatch(e -> "RecorderStarted".equals(e.getReason()));
                    });

            CountDownLatch connected = new CountDownLatch(SLOW_CLIENTS);
            List<Future<SlowClient.End>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                boolean inBody = i % 2 == 1;
                slow.add(slowPool.submit(() -> SlowClient.trickle(port, inBody, connected)));
            }
            assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);

            long sent = System.nanoTime();
            HttpResponse<String> answer = post(port, 302, t0 + 60_000, "{\"LeaveCode\":99}");
            long answeredMs = (System.nanoTime() - sent) / 1_000_000;
            assertThat(slow).as("the slow clients still held their connections").noneMatch(Future::isDone);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"code\":0}");
            assertThat(answeredMs).as("answered within TRTC's 5 s").isLessThan(5_000);

            CloudRecordingStatus stopped = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(client, ns, name),
                    s -> s.getPhase() == CloudRecordingStatus.Phase.Stopped);
            long inStatusMs = (System.nanoTime() - sent) / 1_000_000;
            assertThat(stopped.getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("IdleTimeout");
            });

            List<SlowClient.End> ends = new ArrayList<>();
            for (Future<SlowClient.End> f : slow) {
                ends.add(f.get(30, TimeUnit.SECONDS));
            }
            double limit = CallbackServer.DEFAULT_READ_TIMEOUT.toMillis() / 1000.0;
            assertThat(ends).as("every slow client cut off without an answer").allSatisfy(end -> {
                assertThat(end.answered()).isFalse();
                assertThat(end.seconds()).isLessThan(limit + 2.0);
            });
            assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
            assertThat(trtc.unexpectedCalls()).isEmpty();
            System.out.printf("real API server, %d slow clients holding the receiver: 302 answered in %d ms, phase Stopped"
                    + " in status after %d ms; slow clients cut off after %.2f..%.2f s%n", SLOW_CLIENTS, answeredMs, inStatusMs,
                    ends.stream().mapToDouble(SlowClient.End::seconds).min().orElseThrow(),
                    ends.stream().mapToDouble(SlowClient.End::seconds).max().orElseThrow());
        } finally {
            slowPool.shutdownNow();
            operator.close();
        }
    }

    private static CloudRecordingStatus status(KubernetesClient client, String ns, String name) {
        CloudRecording r = client.resources(CloudRecording.class).inNamespace(ns).withName(name).get();
        return r == null ? null : r.getStatus();
    }

    private static HttpResponse<String> post(int port, int type, long eventMs, String payload) throws Exception {
        return SignedCallbacks.post(port, KEY, APP, SignedCallbacks.body(type, TASK, eventMs, payload));
    }
}
