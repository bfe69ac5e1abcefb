package com.tencentcloud.trtc.operator.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.testing.SettableClock;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The series alerts and dashboards read exist from start-up with help text, and count what they say. */
class OperatorMetricsTest {

    private static final Pattern HELP = Pattern.compile("(?m)^# HELP (\\S+) ?(.*)$");

    @Test
    void everyCallbackEventAndResultPairExistsAtZeroBeforeTheFirstCallback() {
        String scrape = new OperatorMetrics().scrape();
        assertThat(OperatorMetrics.CALLBACK_EVENTS).hasSize(13).contains("301", "312", "unknown");
        for (String event : OperatorMetrics.CALLBACK_EVENTS) {
            for (String result : OperatorMetrics.CALLBACK_RESULTS) {
                assertThat(scrape).contains("trtc_callbacks_total{event=\"" + event + "\",result=\"" + result + "\"} 0.0");
            }
        }
    }

    @Test
    void successAndThrottledCountersOfEveryActionExistAtZero() {
        String scrape = new OperatorMetrics().scrape();
        for (String action : OperatorMetrics.ACTIONS) {
            assertThat(scrape).contains("trtc_requests_total{action=\"" + action + "\",code=\"Success\"} 0.0")
                    .contains("trtc_throttled_total{action=\"" + action + "\"} 0.0");
        }
        assertThat(scrape).contains("jvm_memory_used_bytes{area=\"heap\"");
    }

    @Test
    void everyRequestLimitExceededCodeCountsAsThrottledAndNothingElseDoes() {
        OperatorMetrics metrics = new OperatorMetrics();
        metrics.callFinished("CreateCloudRecording", "RequestLimitExceeded.UinLimitExceeded", Duration.ofMillis(5));
        metrics.callFinished("CreateCloudRecording", "RequestLimitExceeded", Duration.ofMillis(5));
        metrics.callFinished("CreateCloudRecording", "FailedOperation.RestrictedConcurrency", Duration.ofMillis(5));
        metrics.callFinished("DescribeCloudRecording", "InternalError", Duration.ofMillis(5));
        assertThat(metrics.scrape())
                .contains("trtc_throttled_total{action=\"CreateCloudRecording\"} 2.0")
                .contains("trtc_throttled_total{action=\"DescribeCloudRecording\"} 0.0");
    }

    @Test
    void josdkMetersWithoutDescriptionGetHelpText() {
        OperatorMetrics metrics = new OperatorMetrics();
        Counter.builder("operator.sdk.reconciliations.started").tag("kind", "CloudRecording").register(metrics.registry()).increment();
        Gauge.builder("operator.sdk.reconciliations.queue.size.cloudrecording", () -> 3).register(metrics.registry());
        Counter.builder("operator.sdk.something.new").register(metrics.registry());
        Map<String, String> help = help(metrics.scrape());
        assertThat(help).containsEntry("operator_sdk_reconciliations_started_total",
                        "Reconciliations started, by resource kind and retry attempt")
                .containsEntry("operator_sdk_reconciliations_queue_size_cloudrecording",
                        "Resources of this controller waiting for a reconcile")
                .containsEntry("operator_sdk_something_new_total", "Java Operator SDK meter operator.sdk.something.new");
        assertThat(help).allSatisfy((name, text) -> assertThat(text).as(name).isNotBlank());
    }

    @Test
    void reconcileErrorsExistAtZeroPerControllerAndCountEachFailure() {
        OperatorMetrics metrics = new OperatorMetrics();
        List<String> delegated = new ArrayList<>();
        Metrics josdk = new Metrics() {
            @Override
            public void failedReconciliation(io.fabric8.kubernetes.api.model.HasMetadata resource, Exception exception,
                                             Map<String, Object> metadata) {
                delegated.add(exception.getMessage());
            }
        };
        ObservedReconciles observed = new ObservedReconciles(josdk, metrics);
        metrics.reconcileErrors("cloudrecording");
        assertThat(metrics.scrape()).contains("trtc_reconcile_errors_total{controller=\"cloudrecording\"} 0.0");
        observed.failedReconciliation(new CloudRecording(), new IllegalStateException("status write failed"),
                Map.of(Constants.CONTROLLER_NAME, "cloudrecording"));
        assertThat(metrics.scrape()).contains("trtc_reconcile_errors_total{controller=\"cloudrecording\"} 1.0");
        assertThat(delegated).containsExactly("status write failed");
    }

    @Test
    void stalledAndExpiringSoonLiveRecordingsAreCountedOnEveryScrape() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        List<CloudRecording> cache = new ArrayList<>(List.of(
                recording(CloudRecordingStatus.Phase.Recording, "2026-01-01T00:30:00Z", false),
                recording(CloudRecordingStatus.Phase.Idle, "2026-01-01T00:59:00Z", false),
                recording(CloudRecordingStatus.Phase.Recording, "2026-01-01T02:00:00Z", false),
                recording(CloudRecordingStatus.Phase.Stopped, "2026-01-01T00:10:00Z", false),
                recording(CloudRecordingStatus.Phase.Pending, null, true)));
        OperatorMetrics metrics = new OperatorMetrics();
        new RecordingInventory(cache::stream, metrics, clock).start();
        assertThat(metrics.scrape()).contains("cloudrecording_expiring_soon_resources 2.0")
                .contains("cloudrecording_stalled_resources 1.0");

        clock.advance(Duration.ofMinutes(61));
        assertThat(metrics.scrape()).contains("cloudrecording_expiring_soon_resources 3.0");
        cache.clear();
        assertThat(metrics.scrape()).contains("cloudrecording_expiring_soon_resources 0.0")
                .contains("cloudrecording_stalled_resources 0.0");
    }

    private static CloudRecording recording(CloudRecordingStatus.Phase phase, String expiresAt, boolean stalled) {
        CloudRecording r = new CloudRecording();
        r.setMetadata(new ObjectMetaBuilder().withName("r-" + phase + "-" + expiresAt).build());
        CloudRecordingStatus status = new CloudRecordingStatus();
        status.setPhase(phase);
        status.setExpiresAt(expiresAt);
        status.getConditions().add(new ConditionBuilder().withType("Stalled").withStatus(stalled ? "True" : "False").build());
        r.setStatus(status);
        return r;
    }

    private static Map<String, String> help(String scrape) {
        Map<String, String> help = new java.util.HashMap<>();
        Matcher m = HELP.matcher(scrape);
        while (m.find()) {
            help.put(m.group(1), m.group(2).trim());
        }
        return help;
    }
}
