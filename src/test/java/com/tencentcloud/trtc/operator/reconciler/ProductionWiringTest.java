package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SDK_SECRET_KEY;
import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SECRET_ID;
import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.SECRET_KEY;
import static com.tencentcloud.trtc.operator.reconciler.WiringFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.tencentcloud.trtc.operator.app.LogLevel;
import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.TrtcTransportException;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The production assembly (limiter, metrics, endpoints) around the real reconciler, on the mock API server. */
@EnableKubernetesMockClient(crud = true)
class ProductionWiringTest {

    KubernetesClient client;

    private OperatorAssembly operator;
    private ListAppender<ILoggingEvent> logs;
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        if (operator != null) {
            operator.close();
        }
        root.detachAppender(logs);
        LogLevel.apply(Level.INFO);
    }

    @Test
    void metricsShowCallsLatencyWaitsPhasesAndTimeToTaskIdAfterAFewReconciles() throws Exception {
        credentials();
        FakeTrtcClient trtc = WiringFixtures.answeringFake()
                .then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "InternalError",
                        "internal error", "req-500"))
                .then("CreateCloudRecording", r -> new TrtcTransportException("CreateCloudRecording", "read timed out", true, null));
        operator = start(trtc);
        for (String name : List.of("rec-1", "rec-2", "rec-3")) {
            WiringFixtures.apply(client, name);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of("rec-1", "rec-2", "rec-3").stream()
                .allMatch(n -> WiringFixtures.taskId(client, n) != null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var response = WiringFixtures.http(operator.port(), "/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            String metrics = response.body();
            assertThat(metrics)
                    .contains("trtc_requests_total{action=\"CreateCloudRecording\",code=\"Success\"} 3.0")
                    .contains("trtc_requests_total{action=\"CreateCloudRecording\",code=\"InternalError\"} 1.0")
                    .contains("trtc_requests_total{action=\"CreateCloudRecording\",code=\"OutcomeUnknown\"} 1.0")
                    .contains("trtc_create_outcome_unknown_total 1.0")
                    .contains("trtc_request_duration_seconds_bucket{action=\"CreateCloudRecording\",le=\"0.025\"}")
                    .contains("trtc_request_duration_seconds_count{action=\"CreateCloudRecording\"} 5")
                    .contains("trtc_ratelimiter_wait_seconds_count{action=\"CreateCloudRecording\"} 5")
                    .contains("trtc_ratelimiter_wait_seconds_bucket{action=\"DescribeCloudRecording\",le=\"0.001\"}")
                    .contains("trtc_ratelimiter_rate{action=\"CreateCloudRecording\"} 20.0")
                    .contains("cloudrecording_resources{phase=\"Failed\"} 0.0")
                    .contains("cloudrecording_time_to_task_id_seconds_count 3")
                    .contains("trtc_operator_leader 1.0")
                    .containsPattern("operator_sdk_reconciliations_(started|executions)");
            assertThat(gauge(metrics, "cloudrecording_resources{phase=\"Idle\"}")
                    + gauge(metrics, "cloudrecording_resources{phase=\"Recording\"}"))
                    .as("the three recordings, Idle until a Describe says InProgress").isEqualTo(3.0);
        });
        assertThat(WiringFixtures.http(operator.port(), "/readyz").statusCode()).isEqualTo(200);
        assertThat(WiringFixtures.http(operator.port(), "/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void serverThrottleSlowsTheActionDownAndShowsInMetrics() throws Exception {
        credentials();
        FakeTrtcClient trtc = WiringFixtures.answeringFake()
                .then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording",
                        "RequestLimitExceeded.UinLimitExceeded", "too many requests", "req-429"));
        operator = start(trtc);
        WiringFixtures.apply(client, "rec-throttled");

        await().atMost(Duration.ofSeconds(20)).until(() -> WiringFixtures.taskId(client, "rec-throttled") != null);
        assertThat(operator.limiter().currentRate("CreateCloudRecording")).isEqualTo(10);
        assertThat(operator.limiter().currentRate("DescribeCloudRecording")).isEqualTo(20);
        assertThat(WiringFixtures.http(operator.port(), "/metrics").body())
                .contains("trtc_ratelimiter_rate{action=\"CreateCloudRecording\"} 10.0")
                .contains("trtc_requests_total{action=\"CreateCloudRecording\",code=\"RequestLimitExceeded.UinLimitExceeded\"} 1.0");
    }

    @Test
    void noSecretValueReachesLogsEventsStatusOrMetricsOnAnyPath() throws Exception {
        LogLevel.apply(Level.TRACE);
        credentials();
        Function<Object, Object> echo = r -> new TrtcApiException("CreateCloudRecording", "InternalError",
                "echo " + SECRET_KEY + " " + TOKEN + " " + ((CreateCloudRecordingRequest) r).userSig(), "req-echo");
        FakeTrtcClient trtc = WiringFixtures.answeringFake()
                .then("CreateCloudRecording", echo)
                .then("CreateCloudRecording", r -> new TrtcTransportException("CreateCloudRecording",
                        "read timed out", true, null))
                .then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "RequestLimitExceeded",
                        "slow down " + SECRET_KEY, "req-429"))
                .then("CreateCloudRecording", r -> new CreateCloudRecordingResponse("task-ok", "req-ok"))
                .then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "AuthFailure.SignatureFailure",
                        "bad signature for " + SECRET_ID + " with token " + TOKEN, "req-auth"))
                .then("DeleteCloudRecording", r -> new TrtcApiException("DeleteCloudRecording", "InternalError",
                        "echo " + SECRET_KEY, "req-del-500"))
                .then("DeleteCloudRecording", r -> new DeleteCloudRecordingResponse("task-ok", "req-del"));
        operator = start(trtc);

        WiringFixtures.apply(client, "rec-ok");
        await().atMost(Duration.ofSeconds(20)).until(() -> "task-ok".equals(WiringFixtures.taskId(client, "rec-ok")));
        WiringFixtures.apply(client, "rec-stalled");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            CloudRecording r = WiringFixtures.get(client, "rec-stalled");
            return r.getStatus() != null && Conditions.isTrue(r.getStatus().getConditions(), Conditions.STALLED);
        });
        CloudRecording missingKey = WiringFixtures.recording("rec-missing-key");
        missingKey.getSpec().getCredentialsSecretRef().setName("partial-credentials");
        new OperatorHarness(client).secret("partial-credentials", Map.of("secretId", SECRET_ID, "secretKey", SECRET_KEY));
        client.resource(missingKey).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            CloudRecording r = WiringFixtures.get(client, "rec-missing-key");
            return r.getStatus() != null && Conditions.isTrue(r.getStatus().getConditions(), Conditions.STALLED);
        });
        client.resources(CloudRecording.class).inNamespace("media").withName("rec-ok").delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> WiringFixtures.get(client, "rec-ok") == null);

        List<String> seen = new ArrayList<>();
        client.resources(CloudRecording.class).inNamespace("media").list().getItems().forEach(r -> seen.add(Serialization.asJson(r)));
        seen.add(Serialization.asJson(client.v1().events().inNamespace("media").list()));
        seen.add(WiringFixtures.http(operator.port(), "/metrics").body());
        for (ILoggingEvent e : logs.list) {
            seen.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                seen.add(t.getMessage());
            }
        }
        String everything = String.join("\n", seen);
        assertThat(trtc.calls("CreateCloudRecording")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("slowing CreateCloudRecording"));
        assertThat(everything).contains("<redacted>").contains("task-ok").contains("AuthFailure.SignatureFailure")
                .contains("SecretKeyNotFound");
        for (String secret : List.of(SECRET_KEY, SDK_SECRET_KEY, TOKEN, "minted-usersig")) {
            assertThat(everything).doesNotContain(secret)
                    .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private OperatorAssembly start(FakeTrtcClient trtc) throws Exception {
        return OperatorAssembly.assemble(OperatorHarness.config(Map.of("TRTC_POLL_INTERVAL", "30s")), client, trtc,
                WiringFixtures.testTuning(null, () -> { })).start(0);
    }

    private void credentials() {
        new OperatorHarness(client).secret("trtc-credentials",
                Map.of("secretId", SECRET_ID, "secretKey", SECRET_KEY, "sdkSecretKey", SDK_SECRET_KEY, "token", TOKEN));
    }

    private static double gauge(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).orElse(0.0);
    }
}
