package com.tencentcloud.trtc.operator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped monitoring artefacts as tests read them: the alerting rules ({@code prometheus_rule.yaml}) and the
 * Grafana dashboard of {@code config/components/monitoring}, the PromQL they contain and the metric names it reads.
 */
public final class MonitoringQueries {

    public static final Path DIR = Manifests.projectRoot().resolve("config/components/monitoring");
    public static final Path RULE = DIR.resolve("prometheus_rule.yaml");
    public static final Path DASHBOARD = DIR.resolve("grafana_dashboard.json");
    public static final Path RULE_TESTS = Manifests.projectRoot().resolve("src/test/resources/monitoring/alerts_test.yaml");

    /** Series names of the operator's own metrics; {@code up} and Grafana's variables are not among them. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:trtc|cloudrecording|operator_sdk|jvm)_[a-zA-Z0-9_]*");
    private static final List<String> HISTOGRAM_SUFFIXES = List.of("_bucket", "_count", "_sum");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringQueries() {
    }

    /** The PrometheusRule of {@code config/components/monitoring}. */
    public static JsonNode rule() {
        return read(YAML, RULE);
    }

    /** The rule groups, as promtool reads a rules file: {@code spec} of the PrometheusRule. */
    public static String ruleGroupsYaml() {
        try {
            return YAML.writeValueAsString(rule().get("spec"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every alerting rule of every group. */
    public static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        rule().get("spec").get("groups").forEach(g -> g.get("rules").forEach(r -> {
            if (r.has("alert")) {
                alerts.add(r);
            }
        }));
        return alerts;
    }

    public static JsonNode dashboard() {
        return read(JSON, DASHBOARD);
    }

    /** The {@code expr} of every panel target and the queries of the dashboard's variables. */
    public static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        dashboard().get("panels").forEach(p -> p.get("targets").forEach(t -> queries.add(t.get("expr").asText())));
        dashboard().get("templating").get("list").forEach(v -> {
            if (v.has("definition")) {
                queries.add(v.get("definition").asText());
            }
        });
        return queries;
    }

    /** Every operator metric the alerts and the dashboard read, histogram series by their base name. */
    public static Set<String> metricsRead() {
        Set<String> names = new TreeSet<>();
        alerts().forEach(a -> names.addAll(metricsIn(a.get("expr").asText())));
        dashboardQueries().forEach(q -> names.addAll(metricsIn(q)));
        return names;
    }

    /** The operator metric names in one PromQL expression. */
    public static Set<String> metricsIn(String promql) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(promql);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** Sample names of a Prometheus text scrape, with each histogram also under its base name. */
    public static Set<String> exposed(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
            String name = l.split("[{ ]", 2)[0];
            names.add(name);
            HISTOGRAM_SUFFIXES.stream().filter(name::endsWith)
                    .forEach(s -> names.add(name.substring(0, name.length() - s.length())));
        });
        return names;
    }

    /** The metrics read by alerts or panels that {@code scrape} lacks. */
    public static Set<String> missingFrom(String scrape) {
        Set<String> exposed = exposed(scrape);
        Set<String> missing = new TreeSet<>();
        for (String name : metricsRead()) {
            if (!exposed.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
