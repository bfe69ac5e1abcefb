package com.tencentcloud.trtc.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chart upgrade a user of the previous release runs, with the real Helm CLI on a real API server of its own: the
 * previous release's chart shipped the CRDs in {@code crds/} (created once, owned by no release); this chart renders
 * them from templates. A plain {@code helm upgrade} is refused for want of ownership; the documented command (chart
 * README) takes them over and upgrades them; later upgrades need no flag; {@code helm uninstall} keeps them and the
 * recordings.
 */
@ExtendWith({RealApiServer.class, HelmCli.class})
class HelmUpgradeIT {

    static final String RELEASE = "trtc-recording-operator";
    static final String NAMESPACE = "trtc-recording-operator-system";
    static final Path CHART = Path.of("charts", "trtc-recording-operator");
    static final List<String> CRDS = List.of(HasMetadata.getFullResourceName(CloudRecording.class),
            HasMetadata.getFullResourceName(CloudRecordingSchedule.class));

    @Test
    void aReleaseThatShippedCrdsInCrdsIsUpgradedWithTakeOwnershipAndItsCrdsAreKeptOnUninstall() throws Exception {
        Path previousChart = PreviousRelease.chart();
        Path home = Files.createDirectories(Path.of("target", "it-logs", "helm-upgrade").toAbsolutePath());
        try (OwnApiServer cluster = OwnApiServer.start()) {
            KubernetesClient admin = cluster.client();
            Path kubeconfig = cluster.writeKubeconfig(home.resolve("kubeconfig"));
            helm(kubeconfig, home, "install", RELEASE, previousChart.toString(), "--namespace", NAMESPACE,
                    "--create-namespace").ok();
            CRDS.forEach(cluster::awaitEstablished);
            CRDS.forEach(name -> assertThat(crd(admin, name).getMetadata().getAnnotations())
                    .as("the previous chart's crds/ belong to no release").doesNotContainKey("meta.helm.sh/release-name"));
            cluster.createNamespace("media");
            CloudRecording recording = Serialization.unmarshal(Files.newInputStream(previousChart.getParent().getParent()
                    .resolve("config/samples/trtc_v1alpha1_cloudrecording_mixed_vod.yaml")), CloudRecording.class);
            recording.getMetadata().setNamespace("media");
            String uid = admin.resource(recording).create().getMetadata().getUid();

            Cli.Result plain = helm(kubeconfig, home, "upgrade", RELEASE, CHART.toString(), "--namespace", NAMESPACE,
                    "--reset-then-reuse-values");
            assertThat(plain.exitCode()).as("a plain upgrade cannot adopt the CRDs: %s", plain.stdout()).isNotZero();
            assertThat(plain.stderr()).contains("invalid ownership metadata");

            helm(kubeconfig, home, "upgrade", RELEASE, CHART.toString(), "--namespace", NAMESPACE,
                    "--reset-then-reuse-values", "--take-ownership").ok();
            for (String name : CRDS) {
                CustomResourceDefinition crd = crd(admin, name);
                assertThat(crd.getMetadata().getAnnotations()).as(name)
                        .containsEntry("meta.helm.sh/release-name", RELEASE)
                        .containsEntry("meta.helm.sh/release-namespace", NAMESPACE)
                        .containsEntry("helm.sh/resource-policy", "keep");
                assertThat(crd.getSpec().getVersions()).as("%s has this release's versions", name)
                        .extracting(v -> v.getName(), v -> v.getSchema())
                        .containsExactlyElementsOf(generated(name).getSpec().getVersions().stream()
                                .map(v -> org.assertj.core.groups.Tuple.tuple(v.getName(), v.getSchema())).toList());
            }
            helm(kubeconfig, home, "upgrade", RELEASE, CHART.toString(), "--namespace", NAMESPACE, "--reset-then-reuse-values").ok();

            helm(kubeconfig, home, "uninstall", RELEASE, "--namespace", NAMESPACE).ok();
            CRDS.forEach(name -> assertThat(crd(admin, name)).as("%s kept on uninstall", name).isNotNull());
            CloudRecording kept = admin.resource(recording).get();
            assertThat(kept).isNotNull();
            assertThat(kept.getMetadata().getUid()).isEqualTo(uid);
        }
    }

    private static CustomResourceDefinition crd(KubernetesClient admin, String name) {
        return admin.apiextensions().v1().customResourceDefinitions().withName(name).get();
    }

    private static CustomResourceDefinition generated(String name) throws Exception {
        return Serialization.unmarshal(Files.newInputStream(Path.of("crds", name + "-v1.yml")), CustomResourceDefinition.class);
    }

    private static Cli.Result helm(Path kubeconfig, Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(HelmCli.path().toString()));
        command.addAll(List.of(args));
        return Cli.run(kubeconfig, home, command);
    }
}
