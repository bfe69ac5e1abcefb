package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.it.RealApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What users apply is accepted by a real API server (server-side apply, dry run: validated, admitted, not stored):
 * every sample in {@code config/samples}, and every object the Helm chart renders with its default and its
 * non-default test values. The CRDs are installed first, as a user installs them.
 */
@ExtendWith(RealApiServer.class)
class DeploymentDryRunIT {

    static final String PROMETHEUS_OPERATOR_KIND = "ServiceMonitor";

    static KubernetesClient client;

    @BeforeAll
    static void installCrds() {
        RealApiServer.installCrds();
        client = RealApiServer.client();
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config", "samples"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
            assertThat(list).isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleIsAcceptedAndNothingIsStored(Path sample) throws IOException {
        String ns = RealApiServer.newNamespace("sample-" + sample.getFileName().toString().replace(".yaml", ""));
        List<HasMetadata> items = client.load(Files.newInputStream(sample)).items();
        assertThat(items).isNotEmpty();
        for (HasMetadata item : items) {
            HasMetadata answered = client.resource(item).inNamespace(ns).dryRun().fieldManager("dry-run-it").serverSideApply();
            assertThat(answered.getMetadata().getUid()).isNotBlank();
            assertThat(client.resource(item).inNamespace(ns).get()).as("a dry run stores nothing").isNull();
        }
    }

    @Test
    void theSamplesKustomizationIsAcceptedAsAWhole() {
        String ns = RealApiServer.newNamespace("samples-kustomization");
        List<HasMetadata> items = client.load(new java.io.ByteArrayInputStream(
                RealApiServer.kustomize(Path.of("config", "samples"))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).items();
        assertThat(items).hasSizeGreaterThanOrEqualTo((int) samplesCount());
        items.forEach(item -> client.resource(item).inNamespace(ns).dryRun().fieldManager("dry-run-it").serverSideApply());
    }

    @Test
    void theChartWithDefaultValuesIsAccepted() {
        dryRun(HelmChartTest.render(t -> { }).all());
    }

    @Test
    void theChartWithEveryNonDefaultValueIsAccepted() {
        List.of("team-a", "team-b").forEach(RealApiServer::ensureNamespace);
        List<HasMetadata> objects = HelmChartTest.render(t -> t.withValuesFile(HelmChartTest.ROOT.resolve(HelmChartTest.NON_DEFAULT_VALUES))).all();
        assertThat(objects).extracting(HasMetadata::getKind).contains(PROMETHEUS_OPERATOR_KIND);
        dryRun(objects.stream().filter(o -> !PROMETHEUS_OPERATOR_KIND.equals(o.getKind())).toList());
    }

    /**
     * The ServiceMonitor's CRD belongs to the Prometheus Operator, which this server does not have. The chart's own
     * CRDs are applied with force: the IT tier installed them already under another field manager, and what is
     * checked here is that the server accepts them.
     */
    private static void dryRun(List<HasMetadata> objects) {
        RealApiServer.ensureNamespace(HelmChartTest.NAMESPACE);
        assertThat(objects).isNotEmpty();
        for (HasMetadata object : objects) {
            var apply = client.resource(object).dryRun().fieldManager("dry-run-it");
            HasMetadata answered = HelmChartTest.isCrd(object)
                    ? apply.forceConflicts().serverSideApply() // the IT tier's CRDs are installed by another manager
                    : apply.serverSideApply();
            assertThat(answered.getMetadata().getUid()).as("%s %s", object.getKind(), object.getMetadata().getName()).isNotBlank();
        }
    }

    private static long samplesCount() {
        try {
            return samples().count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
