package com.tencentcloud.trtc.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.testing.RunningClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule reconciler in a JOSDK operator on the mock API server: it wakes itself at the slot (no event comes
 * then), creates the child, and sees the child through its event source. The clock runs three seconds before a
 * minute so the test waits seconds, not a minute.
 */
@EnableKubernetesMockClient(crud = true)
class ScheduleOperatorTest {

    KubernetesClient client;
    private Operator operator;

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.stop();
        }
    }

    @Test
    void theReconcilerWakesAtTheSlotAndStartsTheChild() throws Exception {
        for (String crd : List.of("crds/cloudrecordings.trtc.tencentcloud.com-v1.yml", "crds/cloudrecordingschedules.trtc.tencentcloud.com-v1.yml")) {
            try (InputStream in = new FileInputStream(crd)) {
                client.apiextensions().v1().customResourceDefinitions().load(in).createOr(r -> r.update());
            }
        }
        Instant realNow = Instant.now();
        Duration offset = Duration.between(realNow, realNow.truncatedTo(ChronoUnit.MINUTES).plusSeconds(57));
        RunningClock clock = new RunningClock();
        clock.advance(offset);
        operator = new Operator(o -> o.withKubernetesClient(client).withUseSSAToPatchPrimaryResource(false).withCloseClientOnStop(false));
        operator.register(new CloudRecordingScheduleReconciler(clock));
        operator.start();
        CloudRecordingSchedule schedule;
        try (InputStream in = getClass().getResourceAsStream("/schedule/schedule.yaml")) {
            schedule = Serialization.unmarshal(in, CloudRecordingSchedule.class);
        }
        schedule.getSpec().setSchedule("* * * * *");
        client.resource(schedule).create();
        Instant slot = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        String child = "standup-" + slot.getEpochSecond() / 60;

        CloudRecordingSchedule scheduled = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> client.resources(CloudRecordingSchedule.class).inNamespace("media").withName("standup").get(),
                s -> s.getStatus() != null && s.getStatus().getActive() != null && s.getStatus().getActive().contains(child));

        assertThat(scheduled.getStatus().getLastScheduleTime()).isEqualTo(slot.toString());
        assertThat(scheduled.getStatus().getNextScheduleTime()).isEqualTo(slot.plus(Duration.ofMinutes(1)).toString());
        assertThat(client.resources(CloudRecording.class).inNamespace("media").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly(child);
    }
}
