package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.emulator.CallRecord;
import com.tencentcloud.trtc.operator.emulator.TaskSnapshot;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The concurrency quota (design §11) on a real API server, against the emulator holding at most 10 live tasks per
 * application and sending its callbacks to the operator's receiver: recordings past the limit wait in line without
 * any call, and each freed slot goes to the head of the line.
 */
class QuotaOnRealApiServerIT extends EmulatedOperatorTestBase {

    private static final long APP = EmulatedOperator.APP;
    private static final String KEY = EmulatedOperator.CALLBACK_KEY;
    private static final Pattern POSITION = Pattern.compile("^position (\\d+) of (\\d+) for SdkAppId " + APP + " \\(limit (\\d+)\\)");

    @Test
    void fourteenAppliedPastALimitOfTenWaitInLineWithoutACallAndEachFreedSlotGoesToTheHead() throws Exception {
        String ns = RealApiServer.newNamespace("quota-line");
        start(ns, Map.of("TRTC_MAX_CONCURRENT_TASKS", "10"));
        for (int i = 0; i < 14; i++) {
            client.resource(recording(ns, String.format("class-%02d", i))).create();
        }

        List<CloudRecording> queued = await().atMost(Duration.ofSeconds(60)).until(() -> inPhase(ns, Phase.Queued),
                q -> q.size() == 4 && withTask(ns).size() == 10 && q.stream().allMatch(r -> position(r) > 0
                        && length(r) == 4));
        assertThat(queued).extracting(QuotaOnRealApiServerIT::position).containsExactly(1, 2, 3, 4);
        assertThat(queued).allSatisfy(r -> {
            assertThat(Conditions.find(r.getStatus().getConditions(), Conditions.READY).orElseThrow().getReason()).isEqualTo("Queued");
            assertThat(r.getMetadata().getAnnotations()).doesNotContainKey(CloudRecording.ANNOTATION_CREATE_PENDING);
        });
        assertThat(creates()).hasSize(10);
        assertThat(refused()).isEmpty();
        assertThat(operator.metrics().scrape()).contains("trtc_recordings_queued{sdk_app_id=\"" + APP + "\"} 4.0");

        String first = queued.get(0).getMetadata().getName();
        String second = queued.get(1).getMetadata().getName();
        List<CloudRecording> live = withTask(ns);
        Instant ended = Instant.now();
        assertThat(emulator.endTask(live.get(0).getStatus().getTaskId())).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> taskOf(ns, first) != null);
        Duration toNextCreate = Duration.between(ended, lastCreate());
        assertThat(creates()).as("only the head of the line started").hasSize(11);
        assertThat(get(ns, second).getStatus().getPhase()).isEqualTo(Phase.Queued);

        assertThat(emulator.endTask(live.get(1).getStatus().getTaskId())).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> taskOf(ns, second) != null);
        assertThat(creates()).hasSize(12);
        List<CloudRecording> stillQueued = await().atMost(Duration.ofSeconds(30)).until(() -> inPhase(ns, Phase.Queued),
                q -> q.size() == 2 && q.stream().allMatch(r -> length(r) == 2));
        assertThat(stillQueued).extracting(QuotaOnRealApiServerIT::position).containsExactly(1, 2);
        assertThat(live.subList(0, 2)).allSatisfy(r -> assertThat(get(ns, r.getMetadata().getName()).getStatus().getPhase())
                .as("ended by its 302").isEqualTo(Phase.Stopped));

        String third = stillQueued.get(0).getMetadata().getName();
        client.resource(live.get(2)).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> taskOf(ns, third) != null);
        assertThat(emulator.calls()).filteredOn(c -> c.action().equals("DeleteCloudRecording")).hasSize(1);
        assertThat(creates()).hasSize(13);
        assertThat(refused()).isEmpty();
        System.out.printf("quota IT: a slot freed by a 302 got its next Create after %d ms%n", toNextCreate.toMillis());
    }

    @Test
    void whenTrtcSaysTheApplicationIsFullAtMostOneCreateProbesItEveryThirtySeconds() throws Exception {
        String ns = RealApiServer.newNamespace("quota-full");
        start(ns, Map.of());
        for (int i = 0; i < 10; i++) {
            client.resource(recording(ns, String.format("held-%02d", i))).create();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> withTask(ns).size() == 10);

        client.resource(recording(ns, "extra-1")).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> refused().size() == 1);
        Instant firstRefusal = refused().get(0).at();
        client.resource(recording(ns, "extra-2")).create();
        client.resource(recording(ns, "extra-3")).create();
        CloudRecording head = await().atMost(Duration.ofSeconds(20)).until(() -> get(ns, "extra-1"),
                r -> r.getStatus() != null && r.getStatus().getPhase() == Phase.Queued);
        assertThat(Conditions.find(head.getStatus().getConditions(), Conditions.READY).orElseThrow().getMessage())
                .startsWith("position 1 of ").contains("(limit 100)").contains("FailedOperation.RestrictedConcurrency");

        await().atMost(Duration.ofSeconds(50)).until(() -> refused().size() == 2);
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        List<CallRecord> refusals = refused();
        assertThat(refusals).as("one probe per 30 s, never a burst").hasSize(2);
        assertThat(Duration.between(firstRefusal, refusals.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(29));
        assertThat(creates()).hasSize(12);

        assertThat(emulator.endTask(withTask(ns).get(0).getStatus().getTaskId())).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> taskOf(ns, "extra-1") != null);
        assertThat(get(ns, "extra-2").getStatus().getPhase()).isEqualTo(Phase.Queued);
        assertThat(refused()).as("the slot the operator saw free was taken without finding out by a Create").hasSize(2);
        assertThat(creates()).hasSize(13);
    }

    private static CloudRecording recording(String ns, String name) {
        CloudRecording r = Recordings.load();
        r.getMetadata().setNamespace(ns);
        r.getMetadata().setName(name);
        r.getSpec().getRecordParams().setMaxIdleTime(86_400);
        return r;
    }

    private static List<CloudRecording> inPhase(String ns, Phase phase) {
        return client.resources(CloudRecording.class).inNamespace(ns).list().getItems().stream()
                .filter(r -> r.getStatus() != null && r.getStatus().getPhase() == phase)
                .sorted(Comparator.comparingInt(QuotaOnRealApiServerIT::position)).toList();
    }

    private static List<CloudRecording> withTask(String ns) {
        return client.resources(CloudRecording.class).inNamespace(ns).list().getItems().stream()
                .filter(r -> r.getStatus() != null && r.getStatus().getTaskId() != null
                        && r.getStatus().getPhase() != Phase.Stopped && !r.isMarkedForDeletion()).toList();
    }

    private static CloudRecording get(String ns, String name) {
        return client.resources(CloudRecording.class).inNamespace(ns).withName(name).get();
    }

    private static String taskOf(String ns, String name) {
        CloudRecording r = get(ns, name);
        return r == null || r.getStatus() == null ? null : r.getStatus().getTaskId();
    }

    private List<CallRecord> creates() {
        return emulator.calls().stream().filter(c -> c.action().equals("CreateCloudRecording")).toList();
    }

    private List<CallRecord> refused() {
        return creates().stream().filter(c -> c.outcome().contains("RestrictedConcurrency")).toList();
    }

    private Instant lastCreate() {
        return emulator.tasks().stream().map(TaskSnapshot::createdAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static int position(CloudRecording r) {
        Matcher m = POSITION.matcher(message(r));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static int length(CloudRecording r) {
        Matcher m = POSITION.matcher(message(r));
        return m.find() ? Integer.parseInt(m.group(2)) : -1;
    }

    private static String message(CloudRecording r) {
        return r.getStatus() == null ? "" : Conditions.find(r.getStatus().getConditions(), Conditions.READY)
                .map(c -> c.getMessage() == null ? "" : c.getMessage()).orElse("");
    }
}
