package com.tencentcloud.trtc.operator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void livenessAnswersAtOnceAndReadinessFollowsTheOperator() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (HealthServer server = HealthServer.start(0, ready::get)) {
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = get(server, "/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("not ready\n");
            ready.set(true);
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsAreServedBesideTheProbesInPrometheusText() throws Exception {
        OperatorMetrics metrics = new OperatorMetrics();
        metrics.callFinished("CreateCloudRecording", "Success", java.time.Duration.ofMillis(40));
        try (HealthServer server = HealthServer.start(0, () -> true, metrics::scrape)) {
            HttpResponse<String> response = get(server, "/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(response.body()).contains("# TYPE trtc_requests_total counter")
                    .contains("trtc_requests_total{action=\"CreateCloudRecording\",code=\"Success\"} 1.0")
                    .contains("trtc_request_duration_seconds_bucket{action=\"CreateCloudRecording\",le=\"0.05\"} 1");
        }
    }

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
