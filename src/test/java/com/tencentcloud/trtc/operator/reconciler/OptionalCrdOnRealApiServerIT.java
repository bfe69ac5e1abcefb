package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccount;
import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.it.OwnApiServer;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Design §13 on a real API server of its own: a cluster that has only the CloudRecording CRD (every cluster that
 * installed a release before schedules, and every Helm user after an upgrade that left the CRDs alone). The
 * operator starts, says once which CRD is missing and how to install it, stays ready, records, and starts the
 * schedule and account controllers when their CRDs are applied, without a restart.
 */
@ExtendWith(RealApiServer.class)
class OptionalCrdOnRealApiServerIT {

    private static final String NS = "media";
    private static final String SCHEDULE_CRD = HasMetadata.getFullResourceName(CloudRecordingSchedule.class);
    private static final String ACCOUNT_CRD = HasMetadata.getFullResourceName(TrtcAccount.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsWithoutTheScheduleCrdAndStartsItsControllerWhenTheCrdAppears() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger("com.tencentcloud.trtc.operator.app.OptionalControllers");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try (OwnApiServer cluster = OwnApiServer.start()) {
            KubernetesClient client = cluster.client();
            cluster.applyCrd(Path.of("crds", HasMetadata.getFullResourceName(CloudRecording.class) + "-v1.yml"));
            cluster.createNamespace(NS);
            credentials(client);
            FakeTrtcClient trtc = new FakeTrtcClient().then("CreateCloudRecording", req -> created("task-1", "req-1"))
                    .always("DescribeCloudRecording", req -> new DescribeCloudRecordingResponse("task-1", "InProgress",
                            null, null, "req-d"));
            OperatorAssembly operator = OperatorAssembly.assemble(OperatorHarness.config(Map.of("WATCH_NAMESPACES", NS)),
                    client, trtc, WiringFixtures.tuning(true, null, () -> { }), Duration.ofMillis(500));
            try {
                operator.start(0);

                assertThat(operator.ready()).as("ready without the schedule CRD").isTrue();
                assertThat(get(operator.port(), "/readyz").statusCode()).isEqualTo(200);
                assertThat(operator.missingOptionalCrds()).containsExactly(SCHEDULE_CRD, ACCOUNT_CRD);
                assertThat(get(operator.port(), "/metrics").body())
                        .contains("trtc_operator_controller_running{crd=\"" + SCHEDULE_CRD + "\"} 0.0");

                CloudRecording r = Recordings.load();
                client.resource(r).create();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> taskId(client, r), "task-1"::equals);

                cluster.applyCrd(Path.of("crds", SCHEDULE_CRD + "-v1.yml"));
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(operator::missingOptionalCrds, List.of(ACCOUNT_CRD)::equals);
                CloudRecordingSchedule schedule = schedule();
                client.resource(schedule).create();
                CloudRecordingSchedule reconciled = Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> client.resource(schedule).get(),
                                s -> s.getStatus() != null && s.getStatus().getNextScheduleTime() != null);
                assertThat(reconciled.getStatus().getObservedGeneration()).isEqualTo(reconciled.getMetadata().getGeneration());

                assertThat(operator.ready()).isTrue();
                assertThat(get(operator.port(), "/metrics").body())
                        .contains("trtc_operator_controller_running{crd=\"" + SCHEDULE_CRD + "\"} 1.0");
                cluster.applyCrd(Path.of("crds", ACCOUNT_CRD + "-v1.yml"));
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(operator::missingOptionalCrds, List::isEmpty);
                assertThat(get(operator.port(), "/metrics").body())
                        .contains("trtc_operator_controller_running{crd=\"" + ACCOUNT_CRD + "\"} 1.0");
                assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
                assertThat(trtc.unexpectedCalls()).isEmpty();
            } finally {
                operator.close();
            }
        } finally {
            log.detachAppender(logged);
        }
        List<String> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).as("one warning for each missing CRD").hasSize(2);
        assertThat(warnings.get(0)).contains(SCHEDULE_CRD).contains("kubectl apply --server-side -f crds/" + SCHEDULE_CRD);
        assertThat(warnings.get(1)).contains(ACCOUNT_CRD).contains("kubectl apply --server-side -f crds/" + ACCOUNT_CRD);
        assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("The CRD " + SCHEDULE_CRD + " is installed now"));
    }

    private static String taskId(KubernetesClient client, CloudRecording r) {
        CloudRecording current = client.resource(r).get();
        return current.getStatus() == null ? null : current.getStatus().getTaskId();
    }

    private static CloudRecordingSchedule schedule() throws Exception {
        try (InputStream in = OptionalCrdOnRealApiServerIT.class.getResourceAsStream("/schedule/schedule.yaml")) {
            CloudRecordingSchedule s = Serialization.unmarshal(in, CloudRecordingSchedule.class);
            s.getMetadata().setNamespace(NS);
            s.getSpec().setSchedule("0 0 1 1 *");
            return s;
        }
    }

    private static void credentials(KubernetesClient client) {
        Map<String, String> data = new HashMap<>();
        Recordings.CREDENTIALS.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(NS).endMetadata()
                .withData(data).build()).create();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
