package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CrdValidationIT;
import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * What the reconciler relies on from a real API server: the status subresource, server-side apply of status,
 * and the whole operator with server-side apply on, as in production. Skipped without kube-api-test binaries.
 */
class OperatorOnRealApiServerIT {

    @Test
    void kubeApiServerBinariesArePresent() {
        Assumptions.assumeTrue(CrdValidationIT.binariesPresent(), CrdValidationIT::skipReason);
    }

    @Nested
    @EnabledIf(value = "com.tencentcloud.trtc.operator.api.v1alpha1.CrdValidationIT#binariesPresent",
            disabledReason = "no kube-api-test binaries under $KUBE_API_TEST_DIR/k8s (default ~/.kubeapitest/k8s)")
    @EnableKubeAPIServer
    class OnARealApiServer {

        static KubernetesClient client;

        @BeforeAll
        static void installCrdAndNamespace() throws Exception {
            OperatorHarness.installCrd(client);
            client.resource(new NamespaceBuilder().withNewMetadata().withName(OperatorHarness.NAMESPACE).endMetadata().build())
                    .createOr(r -> r.update());
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> client.resources(CloudRecording.class).inNamespace(OperatorHarness.NAMESPACE).list() != null);
        }

        @Test
        void statusIsASubresourceThatSpecUpdatesCannotWrite() {
            CloudRecording r = load();
            r.getMetadata().setName("subresource");
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
            CloudRecording r = load();
            r.getMetadata().setName("ssa");
            client.resource(r).create();
            CloudRecording patch = new CloudRecording();
            patch.getMetadata().setName("ssa");
            patch.getMetadata().setNamespace(OperatorHarness.NAMESPACE);
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
            FakeTrtcClient trtc = new FakeTrtcClient().then("CreateCloudRecording", req -> created("task-real", "req-real"));
            new OperatorHarness(client).credentials(Recordings.CREDENTIALS);
            OperatorAssembly operator = OperatorAssembly.assemble(OperatorConfig.fromEnv(Map.of()), client, trtc,
                    WiringFixtures.tuning(true, null, () -> { }));
            operator.start(0);
            try {
                client.resource(load()).create();
                CloudRecording r = Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> client.resources(CloudRecording.class).inNamespace(OperatorHarness.NAMESPACE).withName(Recordings.NAME).get(),
                                cr -> cr.getStatus() != null && "task-real".equals(cr.getStatus().getTaskId()));
                assertThat(r.getMetadata().getFinalizers()).contains(CloudRecording.FINALIZER);
                assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
            } finally {
                operator.close();
            }
        }
    }
}
