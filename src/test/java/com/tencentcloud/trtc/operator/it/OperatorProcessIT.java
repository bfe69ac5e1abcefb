package com.tencentcloud.trtc.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.emulator.CallRecord;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operator jar as its own process, as a cluster runs it: installed with {@code config/default} on the real API
 * server, running as that install's ServiceAccount (its kubeconfig holds only a token issued to it, so a verb missing
 * from its ClusterRole fails here), against the TRTC emulator. A user's whole recording: apply, TaskId and expiry, a crash
 * and restart without a second Create, a layout change sent with Modify, deletion sent with Delete, and deletion
 * after the credentials Secret is gone.
 */
@ExtendWith(RealApiServer.class)
class OperatorProcessIT {

    static final Path SAMPLE = Path.of("config", "samples", "trtc_v1alpha1_cloudrecording_mixed_vod.yaml");
    static final String SAMPLE_NAME = "mixed-to-vod";
    static final long SDK_APP_ID = 1400000001L;
    static final Duration WAIT = Duration.ofSeconds(60);

    static KubernetesClient admin;
    static ConfigDefault install;
    static TrtcEmulator emulator;
    static Path kubeconfig;
    static String lifecycleNamespace;
    static String secretGoneNamespace;
    static JarProcess operator;

    @BeforeAll
    static void installAndStart() throws Exception {
        RealApiServer.installCrds();
        admin = RealApiServer.client();
        install = ConfigDefault.applyTo(admin);
        kubeconfig = install.serviceAccountKubeconfig(admin, RealApiServer.kubeconfigYaml(), Path.of("target", "it-logs"));
        lifecycleNamespace = RealApiServer.newNamespace("jar-lifecycle");
        secretGoneNamespace = RealApiServer.newNamespace("jar-secret-gone");
        emulator = TrtcEmulator.builder()
                .credential("AKIDlifecycle", "lifecycle-secret-key")
                .credential("AKIDsecretgone", "secret-gone-secret-key")
                .build().start();
        emulator.anchorJoins(SDK_APP_ID, "8888", 1, "teacher");
        operator = startOperator("operator-1");
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
                "WATCH_NAMESPACES", lifecycleNamespace + "," + secretGoneNamespace,
                "TRTC_POLL_INTERVAL", "5s",
                "METRICS_PORT", "0",
                "METRICS_BIND_ADDRESS", "127.0.0.1"));
        process.awaitOperatorStarted(WAIT);
        return process;
    }

    @Test
    void theJarsCredentialIsTheServiceAccountsAndCannotWriteSecrets() {
        try (KubernetesClient asOperator = new KubernetesClientBuilder()
                .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(readString(kubeconfig))).build()) {
            assertThat(asOperator.resources(CloudRecording.class).inNamespace(lifecycleNamespace).list().getItems()).isNotNull();
            assertThatThrownBy(() -> asOperator.resource(new SecretBuilder().withNewMetadata().withName("planted")
                    .withNamespace(lifecycleNamespace).endMetadata().build()).create())
                    .isInstanceOf(KubernetesClientException.class)
                    .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
        }
    }

    @ParameterizedTest(name = "{0} {1}.{2}")
    @CsvSource({
            "update, '', secrets", "patch, '', secrets", "delete, '', secrets", "create, '', secrets",
            "create, '', pods", "create, '', serviceaccounts/token",
            "create, rbac.authorization.k8s.io, rolebindings", "create, rbac.authorization.k8s.io, clusterrolebindings",
            "escalate, rbac.authorization.k8s.io, clusterroles",
            "create, apiextensions.k8s.io, customresourcedefinitions", "update, apiextensions.k8s.io, customresourcedefinitions"})
    void theServiceAccountCannotDoWhatTheOperatorMustNot(String verb, String group, String resource) {
        assertThat(allowed(verb, group, resource, lifecycleNamespace)).as("%s %s.%s", verb, resource, group).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}.{2}")
    @CsvSource({
            "watch, trtc.tencentcloud.com, cloudrecordings", "patch, trtc.tencentcloud.com, cloudrecordings/status",
            "update, trtc.tencentcloud.com, cloudrecordings/finalizers", "watch, '', secrets", "create, '', events"})
    void theServiceAccountCanDoWhatTheOperatorNeedsInAnyNamespace(String verb, String group, String resource) {
        assertThat(allowed(verb, group, resource, secretGoneNamespace)).as("%s %s.%s", verb, resource, group).isTrue();
    }

    @ParameterizedTest(name = "{0} leases")
    @CsvSource({"get", "create", "update"})
    void theServiceAccountCanHoldItsLeaseInItsOwnNamespaceOnly(String verb) {
        assertThat(allowed(verb, "coordination.k8s.io", "leases", install.namespace())).isTrue();
        assertThat(allowed(verb, "coordination.k8s.io", "leases", lifecycleNamespace)).isFalse();
    }

    private static boolean allowed(String verb, String group, String resource, String namespace) {
        String[] parts = resource.split("/", 2);
        SubjectAccessReview review = new SubjectAccessReviewBuilder().withNewSpec()
                .withUser(install.user()).withGroups(install.groups())
                .withNewResourceAttributes().withNamespace(namespace).withVerb(verb).withGroup(group)
                .withResource(parts[0]).withSubresource(parts.length > 1 ? parts[1] : null).endResourceAttributes()
                .endSpec().build();
        return admin.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
    }

    @Test
    void aRecordingIsCreatedOnceSurvivesACrashIsModifiedAndIsStoppedOnDelete() throws Exception {
        String ns = lifecycleNamespace;
        credentials(ns, "AKIDlifecycle", "lifecycle-secret-key");
        admin.load(Files.newInputStream(SAMPLE)).inNamespace(ns).create();

        CloudRecording recorded = awaitRecording(ns, r -> r.getStatus() != null && r.getStatus().getTaskId() != null
                && r.getStatus().getExpiresAt() != null);
        String taskId = recorded.getStatus().getTaskId();
        assertThat(Instant.parse(recorded.getStatus().getExpiresAt()))
                .isEqualTo(Instant.parse(recorded.getStatus().getCreatedAt()).plus(Duration.ofHours(72)));
        assertThat(recorded.getMetadata().getFinalizers()).contains(CloudRecording.FINALIZER);
        assertThat(emulator.task(taskId)).hasValueSatisfying(t -> assertThat(t.roomId()).isEqualTo("8888"));
        assertThat(calls("AKIDlifecycle", "CreateCloudRecording")).hasSize(1);

        operator.kill();
        long describesBefore = calls("AKIDlifecycle", "DescribeCloudRecording").size();
        operator = startOperator("operator-2");
        Awaitility.await().atMost(WAIT).until(() -> calls("AKIDlifecycle", "DescribeCloudRecording").size() > describesBefore);
        assertThat(calls("AKIDlifecycle", "CreateCloudRecording")).hasSize(1);
        assertThat(get(ns).getStatus().getTaskId()).isEqualTo(taskId);

        admin.resources(CloudRecording.class).inNamespace(ns).withName(SAMPLE_NAME)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"mixLayoutParams\":{\"mixLayoutMode\":\"Grid\"}}}");
        CloudRecording modified = awaitRecording(ns, r -> r.getStatus().getObservedGeneration() != null
                && r.getStatus().getObservedGeneration().equals(r.getMetadata().getGeneration()) && r.getMetadata().getGeneration() >= 2);
        assertThat(modified.getStatus().getTaskId()).isEqualTo(taskId);
        assertThat(calls("AKIDlifecycle", "ModifyCloudRecording")).hasSize(1);
        assertThat(emulator.task(taskId).orElseThrow().modifyCount()).isEqualTo(1);

        admin.resources(CloudRecording.class).inNamespace(ns).withName(SAMPLE_NAME).delete();
        Awaitility.await().atMost(WAIT).until(() -> get(ns) == null);
        assertThat(calls("AKIDlifecycle", "DeleteCloudRecording")).hasSize(1)
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo("OK"));
        assertThat(calls("AKIDlifecycle", "CreateCloudRecording")).hasSize(1);
    }

    @Test
    void deletionAfterTheCredentialsSecretIsGoneStillStopsTheTaskAndReleasesTheFinalizer() throws Exception {
        String ns = secretGoneNamespace;
        credentials(ns, "AKIDsecretgone", "secret-gone-secret-key");
        admin.load(Files.newInputStream(SAMPLE)).inNamespace(ns).create();
        awaitRecording(ns, r -> r.getStatus() != null && r.getStatus().getTaskId() != null);

        admin.secrets().inNamespace(ns).withName("trtc-credentials").delete();
        Awaitility.await().atMost(WAIT).until(() -> admin.secrets().inNamespace(ns).withName("trtc-credentials").get() == null);
        admin.resources(CloudRecording.class).inNamespace(ns).withName(SAMPLE_NAME).delete();

        Awaitility.await().atMost(WAIT).until(() -> get(ns) == null);
        assertThat(calls("AKIDsecretgone", "DeleteCloudRecording")).hasSize(1)
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo("OK"));
    }

    private static List<CallRecord> calls(String secretId, String action) {
        return emulator.calls().stream().filter(c -> secretId.equals(c.secretId()) && action.equals(c.action())).toList();
    }

    private static CloudRecording get(String ns) {
        return admin.resources(CloudRecording.class).inNamespace(ns).withName(SAMPLE_NAME).get();
    }

    private static CloudRecording awaitRecording(String ns, java.util.function.Predicate<CloudRecording> test) {
        return Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> get(ns), r -> r != null && test.test(r));
    }

    private static void credentials(String ns, String secretId, String secretKey) {
        admin.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(ns).endMetadata()
                .withStringData(Map.of("secretId", secretId, "secretKey", secretKey,
                        "sdkSecretKey", "sdk-secret-key-for-" + ns)).build()).create();
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
