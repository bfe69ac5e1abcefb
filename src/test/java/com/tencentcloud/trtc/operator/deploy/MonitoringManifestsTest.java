package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alerts, their runbooks, their promtool tests and the Grafana dashboard of {@code config/components/monitoring}
 * are complete and agree with each other, the chart ships them unchanged, and the kustomize component renders them.
 */
class MonitoringManifestsTest {

    static final Path CHART_FILES = HelmChartTest.CHART.resolve("files");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theChartShipsTheSameRulesAndDashboard() throws IOException {
        assertThat(Files.readString(CHART_FILES.resolve("prometheus_rule.yaml")))
                .as("charts/.../files/prometheus_rule.yaml is a copy of config/components/monitoring/prometheus_rule.yaml")
                .isEqualTo(Files.readString(MonitoringQueries.RULE));
        assertThat(Files.readString(CHART_FILES.resolve("grafana_dashboard.json")))
                .as("charts/.../files/grafana_dashboard.json is a copy of config/components/monitoring/grafana_dashboard.json")
                .isEqualTo(Files.readString(MonitoringQueries.DASHBOARD));
    }

    @Test
    void everyAlertHasASeverityASummaryADescriptionAndARunbookSectionThatSaysWhatToDo() throws IOException {
        String runbooks = Files.readString(Manifests.projectRoot().resolve("docs/runbooks.md"));
        List<String> names = new ArrayList<>();
        for (JsonNode alert : MonitoringQueries.alerts()) {
            String name = alert.get("alert").asText();
            names.add(name);
            assertThat(alert.at("/labels/severity").asText()).as(name).isIn("warning", "critical");
            assertThat(alert.at("/annotations/summary").asText()).as(name).isNotBlank();
            assertThat(alert.at("/annotations/description").asText()).as(name).isNotBlank();
            assertThat(alert.at("/annotations/runbook_url").asText()).as(name)
                    .isEqualTo("docs/runbooks.md#" + name.toLowerCase(Locale.ROOT));
            String section = section(runbooks, name);
            assertThat(section).as("docs/runbooks.md section of %s", name)
                    .contains("**Means.**", "**Check.**", "**Fix.**");
        }
        assertThat(names).doesNotHaveDuplicates().containsAll(List.of("TrtcRecordingOperatorDown",
                "TrtcRecordingOperatorNoLeader", "TrtcRecordingOperatorReconcileErrors", "CloudRecordingStalled",
                "CloudRecordingFailed", "CloudRecordingManagementWindowEndingSoon", "TrtcApiThrottled",
                "TrtcCallbacksRefused", "CloudRecordingRestartingTooOften", "CloudRecordingQueuedTooLong"));
        assertThat(headings(runbooks)).as("a runbook section for each alert and no other").containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void everyAlertHasAPromtoolCaseWhereItFiresAndOneWhereItDoesNot() {
        Set<String> fires = new HashSet<>();
        Set<String> silent = new HashSet<>();
        JsonNode tests = Manifests.documents(MonitoringQueries.RULE_TESTS).get(0);
        tests.get("tests").forEach(t -> t.get("alert_rule_test").forEach(c -> {
            String alert = c.get("alertname").asText();
            (c.get("exp_alerts").isEmpty() ? silent : fires).add(alert);
        }));
        List<String> alerts = MonitoringQueries.alerts().stream().map(a -> a.get("alert").asText()).toList();
        assertThat(fires).as("alerts with a case where they fire").containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(silent).as("alerts with a case where they stay silent").containsExactlyInAnyOrderElementsOf(alerts);
    }

    @Test
    void everyDashboardPanelQueriesTheChosenDataSourceAndNamespace() {
        JsonNode dashboard = MonitoringQueries.dashboard();
        assertThat(dashboard.get("uid").asText()).isEqualTo("trtc-recording-operator");
        Set<Integer> ids = new HashSet<>();
        dashboard.get("panels").forEach(p -> {
            assertThat(ids.add(p.get("id").asInt())).as("unique panel id %s", p.get("id")).isTrue();
            assertThat(p.get("title").asText()).isNotBlank();
            assertThat(p.get("gridPos").get("x").asInt() + p.get("gridPos").get("w").asInt()).isLessThanOrEqualTo(24);
            assertThat(p.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            assertThat(p.get("targets")).isNotEmpty().allSatisfy(t ->
                    assertThat(t.get("expr").asText()).as(p.get("title").asText())
                            .contains("job=\"trtc-recording-operator\"", "namespace=~\"$namespace\""));
        });
        List<String> titles = new ArrayList<>();
        dashboard.get("panels").forEach(p -> titles.add(p.get("title").asText()));
        assertThat(titles).contains("Recordings by phase", "Creates per second against the limit", "Queue length",
                "Queue wait (p50, p95)", "Callbacks by result", "Restarts", "Describe budget",
                "Reconcile latency (p50, p99)", "JVM memory");
    }

    @Test
    void theKustomizeComponentAddsTheServiceMonitorTheRulesAndTheDashboard() throws Exception {
        Manifests base = Manifests.parse(KustomizeRenderTest.kubectl("kustomize", "config/default"));
        Manifests rendered = Manifests.parse(KustomizeRenderTest.kubectl("kustomize", "config/with-monitoring"));
        String prefix = KustomizeRenderTest.PREFIX;
        assertThat(rendered.kindsAndNames()).containsAll(base.kindsAndNames())
                .contains("ServiceMonitor/" + prefix + "metrics", "PrometheusRule/" + prefix + "alerts",
                        "ConfigMap/" + prefix + "dashboard")
                .hasSize(base.kindsAndNames().size() + 3);
        rendered.all().forEach(o -> {
            if (o.getMetadata().getNamespace() != null) {
                assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo(KustomizeRenderTest.NAMESPACE);
            }
        });

        JsonNode monitor = tree(rendered.get("ServiceMonitor", prefix + "metrics"));
        Service metrics = rendered.get(Service.class, prefix + "controller-manager-metrics");
        assertThat(metrics.getMetadata().getLabels()).containsAllEntriesOf(JSON.convertValue(
                monitor.at("/spec/selector/matchLabels"), java.util.Map.class));
        String jobLabel = monitor.at("/spec/jobLabel").asText();
        assertThat(metrics.getMetadata().getLabels()).as("the job label the alerts select")
                .containsEntry(jobLabel, "trtc-recording-operator");
        assertThat(metrics.getSpec().getPorts()).extracting(p -> p.getName())
                .contains(monitor.at("/spec/endpoints/0/port").asText());

        assertThat(tree(rendered.get("PrometheusRule", prefix + "alerts")).get("spec"))
                .isEqualTo(MonitoringQueries.rule().get("spec"));
        ConfigMap dashboard = rendered.get(ConfigMap.class, prefix + "dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(JSON.readTree(dashboard.getData().get("trtc-recording-operator.json")))
                .isEqualTo(MonitoringQueries.dashboard());
    }

    static JsonNode tree(HasMetadata object) {
        return JSON.valueToTree(object);
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n## " + heading + "\n");
        assertThat(start).as("docs/runbooks.md has the heading '## %s'", heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^## (\\S+)$").matcher(markdown);
        while (m.find()) {
            headings.add(m.group(1));
        }
        return headings;
    }
}
