package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloud.trtc.operator.it.MonitoringTools;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The monitoring objects users apply are accepted by a real API server that has the Prometheus Operator's
 * ServiceMonitor and PrometheusRule CRDs (server-side apply, dry run): the chart with {@code metrics.serviceMonitor},
 * {@code metrics.prometheusRule} and {@code metrics.dashboard} on, and {@code config/with-monitoring}.
 */
@ExtendWith({RealApiServer.class, MonitoringTools.class})
class MonitoringDryRunIT {

    static KubernetesClient client;

    @BeforeAll
    static void installCrds() {
        RealApiServer.installCrds();
        client = RealApiServer.client();
        for (String file : List.of(MonitoringTools.SERVICE_MONITORS_CRD, MonitoringTools.PROMETHEUS_RULES_CRD)) {
            CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                    .load(MonitoringTools.crd(file).toFile()).item();
            client.resource(crd).forceConflicts().serverSideApply();
            client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                    .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                                    && c.getStatus().getConditions().stream()
                                    .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                            60, TimeUnit.SECONDS);
        }
    }

    /** The chart's CRDs are left out: DeploymentDryRunIT checks them, and the run installed them under another field manager. */
    @Test
    void theChartWithTheThreeMonitoringValuesIsAccepted() {
        RealApiServer.ensureNamespace(HelmChartTest.NAMESPACE);
        RealApiServer.ensureNamespace("grafana");
        List<HasMetadata> objects = HelmChartTest.render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.serviceMonitor.labels.release", "prometheus")
                .set("metrics.prometheusRule.enabled", true)
                .set("metrics.prometheusRule.labels.release", "prometheus")
                .set("metrics.prometheusRule.extraRules[0].alert", "TeamPaging")
                .set("metrics.prometheusRule.extraRules[0].expr", "vector(1)")
                .set("metrics.dashboard.enabled", true)
                .set("metrics.dashboard.namespace", "grafana")).all();
        assertThat(objects).extracting(HasMetadata::getKind).contains("PrometheusRule", "ServiceMonitor", "ConfigMap");
        dryRun(objects.stream().filter(o -> !HelmChartTest.isCrd(o)).toList());
    }

    /** The overlay's CRDs are left out: the run installed them already, under another field manager. */
    @Test
    void theMonitoringOverlayIsAcceptedAsAWhole() {
        RealApiServer.ensureNamespace(KustomizeRenderTest.NAMESPACE);
        List<HasMetadata> objects = client.load(new ByteArrayInputStream(RealApiServer.kustomize(Path.of("config", "with-monitoring"))
                .getBytes(StandardCharsets.UTF_8))).items();
        assertThat(objects).extracting(HasMetadata::getKind).contains("PrometheusRule", "ServiceMonitor", "ConfigMap");
        dryRun(objects.stream().filter(o -> !(o instanceof CustomResourceDefinition)).toList());
    }

    @Test
    void theServerChecksARuleAgainstTheCrdSchema() {
        RealApiServer.ensureNamespace(HelmChartTest.NAMESPACE);
        GenericKubernetesResource rule = (GenericKubernetesResource) HelmChartTest.render(t -> t
                .set("metrics.prometheusRule.enabled", true)).get("PrometheusRule", HelmChartTest.RELEASE);
        @SuppressWarnings("unchecked")
        var groups = (List<java.util.Map<String, Object>>) ((java.util.Map<String, Object>) rule.getAdditionalProperties().get("spec")).get("groups");
        @SuppressWarnings("unchecked")
        var first = ((List<java.util.Map<String, Object>>) groups.get(0).get("rules")).get(0);
        first.put("for", "a while");
        assertThatThrownBy(() -> client.resource(rule).dryRun().fieldManager("dry-run-it").serverSideApply())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422));
    }

    private static void dryRun(List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            HasMetadata answered = client.resource(object).dryRun().fieldManager("dry-run-it").serverSideApply();
            assertThat(answered.getMetadata().getUid()).as("%s %s", object.getKind(), object.getMetadata().getName()).isNotBlank();
        }
    }
}
