package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.deploy.MonitoringQueries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every metric the shipped alerts and the Grafana dashboard read is one the operator exposes: scraped from the
 * production assembly (mock API server) right after start-up, and again after one recording got its task.
 */
@EnableKubernetesMockClient(crud = true)
class MonitoredMetricsTest {

    KubernetesClient client;

    private OperatorAssembly operator;

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExposed() throws Exception {
        Set<String> read = MonitoringQueries.metricsRead();
        assertThat(read).contains("trtc_callbacks_total", "cloudrecording_resources", "trtc_reconcile_errors_total",
                "jvm_memory_used_bytes", "operator_sdk_controllers_execution_reconcile_seconds_bucket");

        OperatorHarness.installCrd(client);
        new OperatorHarness(client).secret("trtc-credentials", Map.of("secretId", WiringFixtures.SECRET_ID,
                "secretKey", WiringFixtures.SECRET_KEY, "sdkSecretKey", WiringFixtures.SDK_SECRET_KEY));
        operator = OperatorAssembly.assemble(OperatorHarness.config(Map.of("TRTC_POLL_INTERVAL", "30s")), client,
                WiringFixtures.answeringFake(), WiringFixtures.testTuning(null, () -> { })).start(0);
        String atStart = WiringFixtures.http(operator.port(), "/metrics").body();
        Set<String> missingAtStart = MonitoringQueries.missingFrom(atStart);
        missingAtStart.remove("operator_sdk_controllers_execution_reconcile_seconds_bucket");
        // One series per SdkAppId, which the operator learns from the recordings: present from the first reconcile on.
        missingAtStart.remove("trtc_recordings_queued");
        assertThat(missingAtStart).as("series an alert or a panel reads that do not exist at start-up").isEmpty();

        WiringFixtures.apply(client, "rec-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> WiringFixtures.taskId(client, "rec-1") != null);
        String scrape = WiringFixtures.http(operator.port(), "/metrics").body();
        assertThat(MonitoringQueries.missingFrom(scrape)).as("metrics read by alerts or panels but not exposed").isEmpty();
    }
}
