package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's monitoring values: the PrometheusRule, the ServiceMonitor and the Grafana dashboard ConfigMap. */
class HelmMonitoringTest {

    static final String RELEASE = HelmChartTest.RELEASE;

    @Test
    void offByDefault() {
        assertThat(HelmChartTest.render(t -> { }).kindsAndNames())
                .noneMatch(k -> k.startsWith("PrometheusRule/") || k.startsWith("ServiceMonitor/") || k.startsWith("ConfigMap/"));
    }

    @Test
    void theThreeValuesRenderTheShippedRulesAServiceMonitorWhoseJobTheySelectAndTheDashboard() throws Exception {
        Manifests rendered = HelmChartTest.render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.prometheusRule.enabled", true).set("metrics.dashboard.enabled", true));

        JsonNode rule = MonitoringManifestsTest.tree(rendered.get("PrometheusRule", RELEASE));
        assertThat(rule.at("/metadata/namespace").asText()).isEqualTo(HelmChartTest.NAMESPACE);
        assertThat(rule.get("spec")).isEqualTo(MonitoringQueries.rule().get("spec"));

        JsonNode monitor = MonitoringManifestsTest.tree(rendered.get("ServiceMonitor", RELEASE));
        Service metrics = rendered.get(Service.class, RELEASE + "-metrics");
        assertThat(metrics.getMetadata().getLabels())
                .containsEntry(monitor.at("/spec/jobLabel").asText(), "trtc-recording-operator");

        ConfigMap dashboard = rendered.get(ConfigMap.class, RELEASE + "-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(MonitoringManifestsTest.JSON.readTree(dashboard.getData().get("trtc-recording-operator.json")))
                .isEqualTo(MonitoringQueries.dashboard());
    }

    @Test
    void labelsRunbookBaseExtraRulesAndANameOverrideReachTheRules() {
        Manifests rendered = HelmChartTest.render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.prometheusRule.enabled", true)
                .set("metrics.prometheusRule.labels.release", "prometheus")
                .set("metrics.prometheusRule.runbookBaseUrl", "https://docs.example.com/trtc/runbooks")
                .set("metrics.prometheusRule.extraRules[0].alert", "TeamPaging")
                .set("metrics.prometheusRule.extraRules[0].expr", "vector(1)")
                .set("nameOverride", "recorder")
                .set("metrics.dashboard.enabled", true)
                .set("metrics.dashboard.namespace", "grafana")
                .set("metrics.dashboard.annotations.grafana_folder", "Media"));
        String fullname = RELEASE + "-recorder";
        JsonNode rule = MonitoringManifestsTest.tree(rendered.get("PrometheusRule", fullname));
        assertThat(rule.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
        List<String> exprs = new ArrayList<>();
        List<String> runbooks = new ArrayList<>();
        JsonNode groups = rule.at("/spec/groups");
        groups.forEach(g -> g.get("rules").forEach(r -> {
            exprs.add(r.get("expr").asText());
            if (r.has("annotations")) {
                runbooks.add(r.at("/annotations/runbook_url").asText());
            }
        }));
        assertThat(groups.get(groups.size() - 1).get("name").asText()).isEqualTo("recorder-extra");
        assertThat(exprs).contains("vector(1)").noneMatch(e -> e.contains("job=\"trtc-recording-operator\""))
                .filteredOn(e -> e.contains("job=")).allMatch(e -> e.contains("job=\"recorder\""));
        assertThat(runbooks).hasSize(MonitoringQueries.alerts().size())
                .allMatch(u -> u.matches("https://docs\\.example\\.com/trtc/runbooks#[a-z]+"));
        assertThat(rendered.get(Service.class, fullname + "-metrics").getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "recorder");
        ConfigMap dashboard = rendered.get(ConfigMap.class, fullname + "-dashboard");
        assertThat(dashboard.getMetadata().getNamespace()).isEqualTo("grafana");
        assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Media");
    }
}
