package com.tencentcloud.trtc.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.deploy.MonitoringQueries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /metrics} of the operator jar, running as its own process against the real API server, passes
 * {@code promtool check metrics} with no problem reported, right after start-up and after it reconciled a recording
 * (one whose credentials Secret is missing: it stalls without a TRTC call), and exposes every metric the shipped
 * alerts and dashboard read.
 */
@ExtendWith({RealApiServer.class, MonitoringTools.class})
class MetricsScrapeIT {

    static final Path SAMPLE = Path.of("config", "samples", "trtc_v1alpha1_cloudrecording_single_cos.yaml");
    static final Duration WAIT = Duration.ofSeconds(60);

    static JarProcess operator;
    static int port;
    static String namespace;

    @BeforeAll
    static void start() throws IOException {
        RealApiServer.installCrds();
        namespace = RealApiServer.newNamespace("metrics-scrape");
        Path kubeconfig = Files.createDirectories(Path.of("target", "it-logs")).resolve("metrics-scrape-kubeconfig");
        Files.writeString(kubeconfig, RealApiServer.kubeconfigYaml());
        operator = JarProcess.start("metrics-scrape", Map.of(
                "KUBECONFIG", kubeconfig.toAbsolutePath().toString(),
                "TRTC_ENDPOINT", "http://127.0.0.1:9",
                "WATCH_NAMESPACES", namespace,
                "METRICS_PORT", "0",
                "METRICS_BIND_ADDRESS", "127.0.0.1"));
        port = operator.awaitOperatorStarted(WAIT);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void metricsPassPromtoolCheckMetricsAtStartUpAndAfterAReconcile() throws Exception {
        assertCleanScrape(scrape());

        CloudRecording recording = RealApiServer.client().resources(CloudRecording.class).load(SAMPLE.toFile()).item();
        recording.getMetadata().setNamespace(namespace);
        RealApiServer.client().resource(recording).create();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> scrape().contains("cloudrecording_stalled_resources 1.0"));

        String afterReconcile = scrape();
        assertThat(afterReconcile).contains("operator_sdk_reconciliations_started_total")
                .contains("operator_sdk_controllers_execution_reconcile_seconds_bucket");
        assertCleanScrape(afterReconcile);
        assertThat(MonitoringQueries.missingFrom(afterReconcile)).as("metrics read by alerts or panels but not exposed").isEmpty();
    }

    private static void assertCleanScrape(String scrape) {
        MonitoringTools.Result check = MonitoringTools.promtool(Path.of("target"), scrape, "check", "metrics");
        assertThat(check.output()).as("promtool check metrics").isEmpty();
        assertThat(check.exitCode()).isZero();
    }

    private static String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
