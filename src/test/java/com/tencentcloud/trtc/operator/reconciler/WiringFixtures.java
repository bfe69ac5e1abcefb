package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** Helpers for tests that run the production assembly ({@link OperatorAssembly}) against the mock API server. */
final class WiringFixtures {

    static final String SECRET_ID = "AKIDWIRINGSECRETID00000000000001";
    static final String SECRET_KEY = "wiring-secret-key-must-never-leak-1";
    static final String SDK_SECRET_KEY = "wiring-sdk-secret-key-must-never-leak-2";
    static final String TOKEN = "wiring-session-token-must-never-leak-3";

    private WiringFixtures() {
    }

    /** Production tuning with SSA off (the mock refuses it), the client left open, short leases and fast backoff. */
    static OperatorAssembly.Tuning testTuning(String identity, Runnable onLostLeadership) {
        return tuning(false, identity, onLostLeadership);
    }

    /** As {@link #testTuning}, with server-side apply as chosen. */
    static OperatorAssembly.Tuning tuning(boolean serverSideApply, String identity, Runnable onLostLeadership) {
        return new OperatorAssembly.Tuning(serverSideApply, false, Duration.ofSeconds(2), Duration.ofMillis(1500),
                Duration.ofMillis(250), identity, Duration.ofSeconds(10), onLostLeadership,
                (app, key, user, expire, now) -> "minted-usersig-" + user + "-" + expire,
                new CloudRecordingReconciler.Options(KubernetesResourceWriter::new, Duration.ofMillis(200), Duration.ofSeconds(2)),
                Clock.systemUTC());
    }

    static CloudRecording recording(String name) {
        try (InputStream in = WiringFixtures.class.getResourceAsStream("/reconciler/recording.yaml")) {
            CloudRecording r = Serialization.unmarshal(in, CloudRecording.class);
            r.getMetadata().setName(name);
            r.getMetadata().setNamespace(OperatorHarness.NAMESPACE);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CloudRecording apply(KubernetesClient client, String name) {
        return client.resource(recording(name)).create();
    }

    static CloudRecording get(KubernetesClient client, String name) {
        return client.resources(CloudRecording.class).inNamespace(OperatorHarness.NAMESPACE).withName(name).get();
    }

    static String taskId(KubernetesClient client, String name) {
        CloudRecording r = get(client, name);
        return r == null || r.getStatus() == null ? null : r.getStatus().getTaskId();
    }

    /** A fake that starts a task named after the robot for every create and reports every task as recording. */
    static FakeTrtcClient answeringFake() {
        return new FakeTrtcClient()
                .always("CreateCloudRecording", r -> new CreateCloudRecordingResponse(
                        "task-" + ((CreateCloudRecordingRequest) r).userId(), "req-create"))
                .always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(
                        null, "InProgress", null, null, "req-describe"));
    }

    static HttpResponse<String> http(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
