package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the reconciler relies on from a real API server: the status subresource, server-side apply of status,
 * and the whole operator with server-side apply on, as in production. Each test has a namespace of its own, and
 * the operator watches only that one.
 */
@ExtendWith(RealApiServer.class)
class OperatorOnRealApiServerIT {

    static KubernetesClient client;

    @BeforeAll
    static void installCrds() {
        RealApiServer.installCrds();
        client = RealApiServer.client();
    }

    @Test
    void statusIsASubresourceThatSpecUpdatesCannotWrite() {
        String ns = RealApiServer.newNamespace("subresource");
        CloudRecording r = recordingIn(ns);
        CloudRecordingStatus status = new CloudRecordingStatus();
        status.setTaskId("forged");
        r.setStatus(status);
        CloudRecording stored = client.resource(r).create();
        assertThat(stored.getStatus() == null || stored.getStatus().getTaskId() == null).isTrue();

        stored.setStatus(status);
        CloudRecording written = client.resource(stored).updateStatus();
        assertThat(written.getStatus().getTaskId()).isEqualTo("forged");
        assertThat(written.getMetadata().getGeneration()).isEqualTo(stored.getMetadata().getGeneration());
    }

    @Test
    void statusCanBeServerSideApplied() {
        String ns = RealApiServer.newNamespace("status-ssa");
        CloudRecording r = recordingIn(ns);
        client.resource(r).create();
        CloudRecording patch = new CloudRecording();
        patch.getMetadata().setName(r.getMetadata().getName());
        patch.getMetadata().setNamespace(ns);
        CloudRecordingStatus status = new CloudRecordingStatus();
        status.setPhase(CloudRecordingStatus.Phase.Idle);
        patch.setStatus(status);
        CloudRecording applied = client.resource(patch).subresource("status").patch(new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("trtc-recording-operator").withForce(true).build());
        assertThat(applied.getStatus().getPhase()).isEqualTo(CloudRecordingStatus.Phase.Idle);
        assertThat(applied.getMetadata().getManagedFields())
                .anySatisfy(f -> assertThat(f.getManager()).isEqualTo("trtc-recording-operator"));
    }

    @Test
    void operatorWithServerSideApplyRecordsATaskAndAddsItsFinalizer() throws Exception {
        String ns = RealApiServer.newNamespace("operator-ssa");
        FakeTrtcClient trtc = new FakeTrtcClient().then("CreateCloudRecording", req -> created("task-real", "req-real"));
        credentials(ns);
        OperatorAssembly operator = startOperator(ns, trtc);
        try {
            CloudRecording r = recordingIn(ns);
            client.resource(r).create();
            CloudRecording recorded = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.resources(CloudRecording.class).inNamespace(ns).withName(r.getMetadata().getName()).get(),
                            cr -> cr.getStatus() != null && "task-real".equals(cr.getStatus().getTaskId()));
            assertThat(recorded.getMetadata().getFinalizers()).contains(CloudRecording.FINALIZER);
            assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
            assertThat(trtc.unexpectedCalls()).isEmpty();
        } finally {
            operator.close();
        }
    }

    @Test
    void finalizerComesWithTheCreatePendingMarkInOneWriteAndALostFinalizerIsGivenBack() throws Exception {
        String ns = RealApiServer.newNamespace("own-finalizer");
        FakeTrtcClient trtc = new FakeTrtcClient().then("CreateCloudRecording", req -> created("task-held", "req-held"))
                .then("DeleteCloudRecording", req -> new com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse(
                        "task-held", "req-del"))
                .always("DescribeCloudRecording", req -> new com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse(
                        "task-held", "InProgress", null, null, "req-d"));
        credentials(ns);
        java.util.List<CloudRecording> versions = new java.util.concurrent.CopyOnWriteArrayList<>();
        OperatorAssembly operator = startOperator(ns, trtc);
        try (var watch = client.resources(CloudRecording.class).inNamespace(ns).watch(new io.fabric8.kubernetes.client.Watcher<>() {
            @Override
            public void eventReceived(Action action, CloudRecording resource) {
                versions.add(resource);
            }

            @Override
            public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
            }
        })) {
            CloudRecording r = recordingIn(ns);
            String name = r.getMetadata().getName();
            client.resource(r).create();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> versions.stream()
                    .anyMatch(v -> v.getStatus() != null && "task-held".equals(v.getStatus().getTaskId())));
            CloudRecording firstHeld = versions.stream().filter(v -> v.hasFinalizer(CloudRecording.FINALIZER)).findFirst().orElseThrow();
            assertThat(firstHeld.getMetadata().getAnnotations()).containsKey(CloudRecording.ANNOTATION_CREATE_PENDING);
            assertThat(versions.get(0).getMetadata().getFinalizers()).isEmpty();

            client.resources(CloudRecording.class).inNamespace(ns).withName(name)
                    .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.resources(CloudRecording.class)
                    .inNamespace(ns).withName(name).get().hasFinalizer(CloudRecording.FINALIZER));

            client.resources(CloudRecording.class).inNamespace(ns).withName(name).delete();
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.resources(CloudRecording.class).inNamespace(ns).withName(name).get() == null);
            assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
            assertThat(trtc.calls("DeleteCloudRecording")).hasSize(1);
            assertThat(trtc.unexpectedCalls()).isEmpty();
        } finally {
            operator.close();
        }
    }

    @Test
    void aRecordingThatNeverStartedHasNoFinalizerAndIsDeletedAtOnce() throws Exception {
        String ns = RealApiServer.newNamespace("never-started");
        FakeTrtcClient trtc = new FakeTrtcClient();
        OperatorAssembly operator = startOperator(ns, trtc);
        try {
            CloudRecording r = recordingIn(ns);
            String name = r.getMetadata().getName();
            client.resource(r).create();
            CloudRecording stalled = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.resources(CloudRecording.class).inNamespace(ns).withName(name).get(),
                            cr -> cr.getStatus() != null && cr.getStatus().getConditions() != null
                                    && com.tencentcloud.trtc.operator.mapping.Conditions.isTrue(cr.getStatus().getConditions(),
                                    com.tencentcloud.trtc.operator.mapping.Conditions.STALLED));
            assertThat(stalled.getMetadata().getFinalizers()).isEmpty();

            client.resources(CloudRecording.class).inNamespace(ns).withName(name).delete();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.resources(CloudRecording.class).inNamespace(ns).withName(name).get() == null);
            assertThat(trtc.calls("CreateCloudRecording")).isEmpty();
            assertThat(trtc.unexpectedCalls()).isEmpty();
        } finally {
            operator.close();
        }
    }

    @Test
    void statusWithATaskIdAndNoPhaseIsFollowedWithoutACreate() throws Exception {
        String ns = RealApiServer.newNamespace("partial-status");
        credentials(ns);
        CloudRecording r = recordingIn(ns);
        CloudRecording stored = client.resource(r).create();
        CloudRecordingStatus partial = new CloudRecordingStatus();
        partial.setTaskId("task-written-elsewhere");
        stored.setStatus(partial);
        client.resource(stored).updateStatus();
        FakeTrtcClient trtc = new FakeTrtcClient().always("DescribeCloudRecording", req ->
                new com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse(
                        "task-written-elsewhere", "InProgress", null, null, "req-d"));
        OperatorAssembly operator = startOperator(ns, trtc);
        try {
            CloudRecording followed = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.resources(CloudRecording.class).inNamespace(ns).withName(r.getMetadata().getName()).get(),
                            cr -> cr.getStatus() != null && cr.getStatus().getPhase() == CloudRecordingStatus.Phase.Recording);
            assertThat(followed.getStatus().getTaskId()).isEqualTo("task-written-elsewhere");
            assertThat(trtc.calls("CreateCloudRecording")).isEmpty();
            assertThat(trtc.calls("ModifyCloudRecording")).isEmpty();
            assertThat(trtc.unexpectedCalls()).isEmpty();
        } finally {
            operator.close();
        }
    }

    /** The whole operator, as in production with server-side apply, watching {@code ns} only. */
    private static OperatorAssembly startOperator(String ns, FakeTrtcClient trtc) throws Exception {
        OperatorAssembly operator = OperatorAssembly.assemble(OperatorHarness.config(Map.of("WATCH_NAMESPACES", ns)),
                client, trtc, WiringFixtures.tuning(true, null, () -> { }));
        operator.start(0);
        return operator;
    }

    private static CloudRecording recordingIn(String ns) {
        CloudRecording r = load();
        r.getMetadata().setNamespace(ns);
        return r;
    }

    private static void credentials(String ns) {
        Map<String, String> data = new java.util.HashMap<>();
        Recordings.CREDENTIALS.forEach((k, v) -> data.put(k, java.util.Base64.getEncoder()
                .encodeToString(v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(ns).endMetadata()
                .withData(data).build()).create();
    }
}
