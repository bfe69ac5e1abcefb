package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorConfigTest {

    @Test
    void emptyEnvironmentGivesTheDocumentedDefaults() {
        OperatorConfig c = OperatorConfig.fromEnv(Map.of());
        assertThat(c.trtcEndpoint()).isEqualTo("trtc.tencentcloudapi.com");
        assertThat(c.defaultRegion()).isEqualTo("ap-guangzhou");
        assertThat(c.defaultCredentials()).isEmpty();
        assertThat(c.watchNamespaces()).isEmpty();
        assertThat(c.rateLimitPerSecond()).isEqualTo(20.0);
        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.metricsPort()).isEqualTo(8080);
        assertThat(c.leaderElection()).isFalse();
        assertThat(c.serverSideApply()).isTrue();
        assertThat(c.reconcileThreads()).isEqualTo(40);
        assertThat(c.callbackPort()).as("no callback receiver unless asked").isEmpty();
        assertThat(c.defaultCallbackKey()).isEmpty();
        assertThat(c.metricsBindAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void theTaskLimitPerApplicationIsTrtcsOwnDefaultUnlessSet() {
        assertThat(OperatorConfig.fromEnv(Map.of()).maxConcurrentTasks()).isEqualTo(100);
        assertThat(OperatorConfig.fromEnv(Map.of("TRTC_MAX_CONCURRENT_TASKS", "250")).maxConcurrentTasks()).isEqualTo(250);
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("TRTC_MAX_CONCURRENT_TASKS", "0")))
                .hasMessage("TRTC_MAX_CONCURRENT_TASKS: must be a whole number from 1 to 100000, got '0'");
    }

    @Test
    void metricsCanBeKeptOnLoopback() {
        assertThat(OperatorConfig.fromEnv(Map.of("METRICS_BIND_ADDRESS", "127.0.0.1")).metricsBindAddress().isLoopbackAddress()).isTrue();
        assertThat(OperatorConfig.fromEnv(Map.of("METRICS_BIND_ADDRESS", "::1")).metricsBindAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void theCallbackReceiverTakesItsOwnPortAndTheDefaultKeyIsNeverShown() {
        OperatorConfig c = OperatorConfig.fromEnv(Map.of("CALLBACK_PORT", "8081", "TRTC_CALLBACK_KEY", "callback-key-never-shown"));
        assertThat(c.callbackPort()).contains(8081);
        assertThat(c.defaultCallbackKey()).contains("callback-key-never-shown");
        assertThat(c.toString()).contains("callbackPort=8081").doesNotContain("callback-key-never-shown");
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("CALLBACK_PORT", "8080")))
                .hasMessage("CALLBACK_PORT: must differ from METRICS_PORT (8080)");
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("CALLBACK_PORT", "http")))
                .hasMessageStartingWith("CALLBACK_PORT: must be a whole number");
    }

    @Test
    void everyVariableIsRead() {
        OperatorConfig c = OperatorConfig.fromEnv(Map.ofEntries(
                Map.entry("TRTC_ENDPOINT", "http://127.0.0.1:18443"),
                Map.entry("TRTC_REGION", "ap-singapore"),
                Map.entry("TENCENTCLOUD_SECRET_ID", "AKIDx"),
                Map.entry("TENCENTCLOUD_SECRET_KEY", "keyx"),
                Map.entry("WATCH_NAMESPACES", " media, classes ,,"),
                Map.entry("TRTC_RATE_LIMIT", "12.5"),
                Map.entry("TRTC_POLL_INTERVAL", "2m"),
                Map.entry("RECONCILE_THREADS", "4"),
                Map.entry("METRICS_PORT", "9090"),
                Map.entry("LEADER_ELECTION", "true"),
                Map.entry("POD_NAMESPACE", "ops")));
        assertThat(c.trtcEndpoint()).isEqualTo("http://127.0.0.1:18443");
        assertThat(c.defaultRegion()).isEqualTo("ap-singapore");
        assertThat(c.defaultCredentials()).hasValueSatisfying(k -> assertThat(k.secretId()).isEqualTo("AKIDx"));
        assertThat(c.watchNamespaces()).isEqualTo(Set.of("media", "classes"));
        assertThat(c.rateLimitPerSecond()).isEqualTo(12.5);
        assertThat(c.pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.reconcileThreads()).isEqualTo(4);
        assertThat(c.metricsPort()).isEqualTo(9090);
        assertThat(c.leaderElection()).isTrue();
        assertThat(c.leaderElectionNamespace()).isEqualTo("ops");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TRTC_REGION|eu-frankfurt|TRTC_REGION: 'eu-frankfurt' is not one of",
            "TRTC_RATE_LIMIT|25|TRTC_RATE_LIMIT: must be a number above 0 and at most 20",
            "TRTC_RATE_LIMIT|fast|TRTC_RATE_LIMIT: must be a number above 0 and at most 20",
            "TRTC_POLL_INTERVAL|1s|TRTC_POLL_INTERVAL: must be at least 5s",
            "TRTC_POLL_INTERVAL|soon|TRTC_POLL_INTERVAL: 'soon' is not a duration",
            "RECONCILE_THREADS|0|RECONCILE_THREADS: must be a whole number from 1 to 200",
            "METRICS_PORT|70000|METRICS_PORT: must be a whole number from 0 to 65535",
            "LEADER_ELECTION|yes|LEADER_ELECTION: must be true or false",
            "SERVER_SIDE_APPLY|no|SERVER_SIDE_APPLY: must be true or false",
            "METRICS_BIND_ADDRESS|localhost|METRICS_BIND_ADDRESS: 'localhost' is not an IP address",
            "METRICS_BIND_ADDRESS|300.1.1.1|METRICS_BIND_ADDRESS: '300.1.1.1' is not an IP address",
            "WATCH_NAMESPACES|media, Media_Team|WATCH_NAMESPACES: 'Media_Team' is not a namespace name",
            "TENCENTCLOUD_SECRET_ID|AKIDonly|TENCENTCLOUD_SECRET_KEY: must be set together with TENCENTCLOUD_SECRET_ID"})
    void badValueStopsStartUpWithOneLineNamingTheVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of(variable, value)))
                .isInstanceOf(OperatorConfig.InvalidConfigException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void leaderElectionNeedsANamespaceForItsLease() {
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("LEADER_ELECTION", "true")))
                .hasMessageStartingWith("LEADER_ELECTION_NAMESPACE:");
    }

    @Test
    void toStringShowsNoSecretKey() {
        OperatorConfig c = OperatorConfig.fromEnv(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDx", "TENCENTCLOUD_SECRET_KEY", "very-secret-key"));
        assertThat(c.toString()).contains("AKIDx").doesNotContain("very-secret-key");
        assertThat(c.defaultCredentials().orElseThrow().toString()).doesNotContain("very-secret-key");
    }
}
