package com.tencentcloud.trtc.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingScheduleStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.ConcurrencyPolicy;
import com.tencentcloud.trtc.operator.api.v1alpha1.Recorder;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.RecorderIds;
import com.tencentcloud.trtc.operator.reconciler.EventRecorder;
import com.tencentcloud.trtc.operator.testing.SettableClock;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule's behaviour slot by slot, on a Fabric8 mock API server with a clock the test sets: which child starts
 * when, and what a restart, an outage, each concurrency policy, the history limits, suspension and daylight saving
 * do. Children's statuses are set by the test (no CloudRecording reconciler runs).
 */
@EnableKubernetesMockClient(crud = true)
class SchedulerTest {

    static final String NAMESPACE = "media";
    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    KubernetesClient client;

    private final SettableClock clock = new SettableClock(T0);
    private Scheduler scheduler;

    @BeforeEach
    void setUp() throws Exception {
        for (String crd : List.of("crds/cloudrecordings.trtc.tencentcloud.com-v1.yml", "crds/cloudrecordingschedules.trtc.tencentcloud.com-v1.yml")) {
            try (InputStream in = new FileInputStream(crd)) {
                client.apiextensions().v1().customResourceDefinitions().load(in).createOr(r -> r.update());
            }
        }
        scheduler = restartedScheduler();
    }

    @Test
    void aChildStartsAtTheSlotNamedByItsEpochMinuteOwnedLabelledAndWithTheTemplateSpec() {
        CloudRecordingSchedule schedule = apply(s -> { }, T0);
        clock.set(T0.plusSeconds(5 * 60 + 1));

        Optional<Duration> again = sync();

        CloudRecording child = child("standup-" + T0.plusSeconds(300).getEpochSecond() / 60);
        assertThat(child).as("standup-<epoch minutes of 09:05Z>").isNotNull();
        assertThat(child.getMetadata().getName()).isEqualTo("standup-29943905");
        assertThat(child.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getUid()).isEqualTo(schedule.getMetadata().getUid());
            assertThat(o.getKind()).isEqualTo("CloudRecordingSchedule");
            assertThat(o.getController()).isTrue();
        });
        assertThat(child.getMetadata().getLabels()).containsEntry(CloudRecordingSchedule.LABEL_SCHEDULE, "standup")
                .containsEntry("team", "platform");
        assertThat(child.getMetadata().getAnnotations()).containsEntry("example.com/note", "daily standup")
                .containsEntry(CloudRecordingSchedule.ANNOTATION_SCHEDULED_AT, "2026-12-07T09:05:00Z")
                .containsEntry(CloudRecordingSchedule.ANNOTATION_WINDOW_ENDS, "2026-12-07T09:10:00Z")
                .doesNotContainKey(CloudRecording.ANNOTATION_TASK_ID);
        assertThat(Serialization.asJson(child.getSpec())).isEqualTo(Serialization.asJson(schedule.getSpec().getTemplate().getSpec()));
        assertThat(child.getSpec().getMaxDuration()).isEqualTo("20m");

        CloudRecordingScheduleStatus status = schedule().getStatus();
        assertThat(status.getLastScheduleTime()).isEqualTo("2026-12-07T09:05:00Z");
        assertThat(status.getNextScheduleTime()).isEqualTo("2026-12-07T09:10:00Z");
        assertThat(status.getActive()).containsExactly(child.getMetadata().getName());
        assertThat(condition(Conditions.READY).getReason()).isEqualTo(ScheduleStatusTransitions.REASON_SCHEDULING);
        assertThat(again).contains(Duration.ofSeconds(299).plusMillis(100));
        assertThat(events("Started")).hasSize(1);
    }

    @Test
    void nothingStartsBeforeTheSlotAndTheNextLookIsJustAfterIt() {
        apply(s -> { }, T0);
        clock.set(T0.plusSeconds(4 * 60));

        assertThat(sync()).contains(Duration.ofSeconds(60).plusMillis(100));
        assertThat(children()).isEmpty();
    }

    @Test
    void aRestartBetweenCreatingTheChildAndWritingStatusStartsNoSecondChild() {
        apply(s -> { }, T0);
        clock.set(T0.plusSeconds(301));
        Scheduler crashing = new Scheduler(new StatusWriteFails(new KubernetesScheduleApi(client)),
                new EventRecorder(client, clock, false), clock);
        assertThatThrownBy(() -> crashing.sync(schedule(), children())).hasMessageContaining("process ended");
        CloudRecording first = children().get(0);
        assertThat(schedule().getStatus().getLastScheduleTime()).as("status still says 09:00").isEqualTo(T0.toString());

        scheduler = restartedScheduler();
        clock.set(T0.plusSeconds(310));
        sync();

        assertThat(children()).singleElement().satisfies(c -> assertThat(c.getMetadata().getUid()).isEqualTo(first.getMetadata().getUid()));
        assertThat(schedule().getStatus().getLastScheduleTime()).isEqualTo("2026-12-07T09:05:00Z");
        assertThat(schedule().getStatus().getActive()).containsExactly(first.getMetadata().getName());
    }

    @Test
    void aStaleViewOfTheScheduleStartsNoSecondChild() {
        apply(s -> { }, T0);
        clock.set(T0.plusSeconds(301));
        CloudRecordingSchedule stale = schedule();
        sync();

        Scheduler newLeader = restartedScheduler();
        newLeader.sync(stale, children());
        scheduler.sync(stale, children());

        assertThat(children()).hasSize(1);
        assertThat(events("Started")).hasSize(1);
    }

    @Test
    void afterAnOutageOnlyTheLatestMissedSlotStarts() {
        apply(s -> { }, T0);
        clock.set(T0.plus(Duration.ofMinutes(62)));

        sync();

        assertThat(children()).extracting(c -> c.getMetadata().getAnnotations().get(CloudRecordingSchedule.ANNOTATION_SCHEDULED_AT))
                .containsExactly("2026-12-07T10:00:00Z");
    }

    @Test
    void aSlotLaterThanTheStartingDeadlineIsMissedWithAnEvent() {
        apply(s -> s.getSpec().setStartingDeadlineSeconds(60L), T0);
        clock.set(T0.plus(Duration.ofMinutes(62)));

        sync();
        sync();

        assertThat(children()).isEmpty();
        assertThat(events("MissedSlot")).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("2026-12-07T10:00:00Z").contains("startingDeadlineSeconds"));
        assertThat(schedule().getStatus().getNextScheduleTime()).isEqualTo("2026-12-07T10:05:00Z");
        clock.set(T0.plus(Duration.ofMinutes(65)).plusSeconds(20));
        sync();
        assertThat(children()).hasSize(1);
    }

    @Test
    void forbidSkipsTheSlotWhileAChildIsLiveAndSaysSo() {
        apply(s -> { }, T0);
        CloudRecording live = existingChild(T0, Phase.Recording);
        clock.set(T0.plusSeconds(301));

        sync();

        assertThat(children()).extracting(c -> c.getMetadata().getName()).containsExactly(live.getMetadata().getName());
        assertThat(events("SlotSkipped")).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains(live.getMetadata().getName()).contains("Forbid"));
        assertThat(schedule().getStatus().getActive()).containsExactly(live.getMetadata().getName());
        assertThat(schedule().getStatus().getLastScheduleTime()).as("the slot is not taken").isEqualTo(T0.toString());
    }

    @Test
    void forbidStartsTheHeldSlotWhenTheLiveChildEndsWithinTheDeadline() {
        apply(s -> s.getSpec().setStartingDeadlineSeconds(120L), T0);
        CloudRecording live = existingChild(T0, Phase.Recording);
        clock.set(T0.plusSeconds(301));
        sync();

        setPhase(live.getMetadata().getName(), Phase.Stopped);
        clock.set(T0.plusSeconds(330));
        sync();

        assertThat(children()).hasSize(2);
        assertThat(schedule().getStatus().getLastScheduleTime()).isEqualTo("2026-12-07T09:05:00Z");
    }

    @Test
    void replaceDeletesTheLiveChildThenStartsTheNewOne() {
        apply(s -> s.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.Replace), T0);
        CloudRecording live = existingChild(T0, Phase.Recording);
        clock.set(T0.plusSeconds(301));

        sync();

        assertThat(children()).extracting(c -> c.getMetadata().getName()).containsExactly("standup-29943905");
        assertThat(child(live.getMetadata().getName())).isNull();
        assertThat(events("Replaced")).singleElement().satisfies(e -> assertThat(e.getMessage()).contains(live.getMetadata().getName()));
        assertThat(schedule().getStatus().getActive()).containsExactly("standup-29943905");
    }

    @Test
    void allowStartsBesideTheLiveChildAndEachChildGetsItsOwnRobot() {
        apply(s -> s.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.Allow), T0);
        existingChild(T0, Phase.Recording);
        clock.set(T0.plusSeconds(301));

        sync();

        List<CloudRecording> both = children();
        assertThat(both).hasSize(2);
        assertThat(both).extracting(c -> RecorderIds.derive(NAMESPACE, c.getMetadata().getName(), c.getMetadata().getUid()))
                .doesNotHaveDuplicates();
        assertThat(schedule().getStatus().getActive()).hasSize(2);
    }

    @Test
    void historyLimitsDeleteTheOldestFinishedChildrenAndOnlyOwnedOnes() {
        apply(s -> { }, T0.plus(Duration.ofMinutes(40)));
        for (int i = 0; i < 5; i++) {
            existingChild(T0.plus(Duration.ofMinutes(5L * i)), Phase.Stopped);
        }
        existingChild(T0.plus(Duration.ofMinutes(25)), Phase.Failed);
        existingChild(T0.plus(Duration.ofMinutes(30)), Phase.Failed);
        existingChild(T0.plus(Duration.ofMinutes(35)), Phase.Expired);
        CloudRecording stranger = ScheduleChildren.build(schedule(), T0.minus(Duration.ofDays(1)));
        stranger.getMetadata().setName("standup-not-ours");
        stranger.getMetadata().setOwnerReferences(List.of());
        client.resource(stranger).create();
        clock.set(T0.plus(Duration.ofMinutes(41)));

        sync();

        assertThat(children()).extracting(c -> c.getMetadata().getAnnotations().get(CloudRecordingSchedule.ANNOTATION_SCHEDULED_AT))
                .as("three newest finished (15, 20, 35), the newest failed (30), and the stranger")
                .containsExactlyInAnyOrder("2026-12-07T09:15:00Z", "2026-12-07T09:20:00Z", "2026-12-07T09:35:00Z",
                        "2026-12-07T09:30:00Z", "2026-12-06T09:00:00Z");
    }

    @Test
    void suspendedStartsNothingAndMissedSlotsStartOnResumeLikeACronJob() {
        apply(s -> s.getSpec().setSuspend(true), T0);
        clock.set(T0.plusSeconds(301));

        assertThat(sync()).isEmpty();

        assertThat(children()).isEmpty();
        assertThat(condition(Conditions.READY).getReason()).isEqualTo(ScheduleStatusTransitions.REASON_SUSPENDED);
        assertThat(schedule().getStatus().getNextScheduleTime()).isNull();

        edit(s -> s.getSpec().setSuspend(false));
        clock.set(T0.plusSeconds(420));
        sync();
        assertThat(children()).extracting(c -> c.getMetadata().getName()).containsExactly("standup-29943905");
    }

    @Test
    void aFallBackDayRunsTheRepeatedSlotTwiceWithTwoChildren() {
        Instant dayBefore = Instant.parse("2026-10-31T05:30:00Z");
        apply(s -> {
            s.getSpec().setSchedule("30 1 * * *");
            s.getSpec().setTimeZone("America/New_York");
            s.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.Allow);
        }, dayBefore);

        clock.set(Instant.parse("2026-11-01T05:30:02Z"));
        sync();
        assertThat(schedule().getStatus().getNextScheduleTime()).as("01:30 EST").isEqualTo("2026-11-01T06:30:00Z");
        clock.set(Instant.parse("2026-11-01T06:30:02Z"));
        sync();

        assertThat(children()).extracting(c -> c.getMetadata().getAnnotations().get(CloudRecordingSchedule.ANNOTATION_SCHEDULED_AT))
                .containsExactly("2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z");
        assertThat(schedule().getStatus().getNextScheduleTime()).isEqualTo("2026-11-02T06:30:00Z");
    }

    @Test
    void aSpringForwardDaySkipsTheSlotInTheMissingHour() {
        apply(s -> {
            s.getSpec().setSchedule("30 2 * * *");
            s.getSpec().setTimeZone("America/New_York");
        }, Instant.parse("2026-03-07T07:30:00Z"));

        clock.set(Instant.parse("2026-03-08T07:30:02Z"));
        sync();

        assertThat(children()).isEmpty();
        assertThat(schedule().getStatus().getNextScheduleTime()).isEqualTo("2026-03-09T06:30:00Z");
        clock.set(Instant.parse("2026-03-09T06:30:02Z"));
        sync();
        assertThat(children()).hasSize(1);
    }

    @Test
    void aScheduleOrZoneThatCannotBeUsedStallsWithTheReasonAndStartsNothing() {
        apply(s -> s.getSpec().setSchedule("61 * * * *"), T0);
        clock.set(T0.plusSeconds(3600));

        assertThat(sync()).isEmpty();
        assertThat(condition(Conditions.STALLED).getStatus()).isEqualTo("True");
        assertThat(condition(Conditions.STALLED).getReason()).isEqualTo(InvalidScheduleException.REASON_SCHEDULE);
        assertThat(condition(Conditions.STALLED).getMessage()).contains("Value 61 not in range [0, 59]");
        assertThat(condition(Conditions.READY).getStatus()).isEqualTo("False");
        sync();
        assertThat(events(InvalidScheduleException.REASON_SCHEDULE)).as("one event, not one per reconcile").hasSize(1);

        edit(s -> {
            s.getSpec().setSchedule("0 9 * * *");
            s.getSpec().setTimeZone("Atlantis/Capital");
        });
        sync();
        assertThat(condition(Conditions.STALLED).getReason()).isEqualTo(InvalidScheduleException.REASON_TIME_ZONE);

        edit(s -> {
            s.getSpec().setSchedule("0 0 30 2 *");
            s.getSpec().setTimeZone(null);
        });
        sync();
        assertThat(condition(Conditions.STALLED).getMessage()).contains("no slot within five years");
        assertThat(children()).isEmpty();

        edit(s -> s.getSpec().setSchedule("*/5 * * * *"));
        sync();
        assertThat(condition(Conditions.STALLED).getStatus()).isEqualTo("False");
        assertThat(children()).hasSize(1);
    }

    @Test
    void aTemplateTheApiServerRefusesStallsTheSchedule() {
        apply(s -> s.getSpec().getTemplate().getSpec().setRecorder(new Recorder()), T0);
        clock.set(T0.plusSeconds(301));
        Scheduler refusing = new Scheduler(new RefusingCreate(new KubernetesScheduleApi(client)), new EventRecorder(client, clock, false), clock);

        refusing.sync(schedule(), children());

        assertThat(condition(Conditions.STALLED).getReason()).isEqualTo(InvalidScheduleException.REASON_TEMPLATE);
        assertThat(condition(Conditions.STALLED).getMessage()).contains("standup-29943905").contains("spec.recorder.userId");
        assertThat(schedule().getStatus().getLastScheduleTime()).as("the slot can still start once fixed").isEqualTo(T0.toString());
    }

    private Scheduler restartedScheduler() {
        return new Scheduler(new KubernetesScheduleApi(client), new EventRecorder(client, clock, false), clock);
    }

    private Optional<Duration> sync() {
        return scheduler.sync(schedule(), children());
    }

    private CloudRecordingSchedule apply(Consumer<CloudRecordingSchedule> change, Instant lastScheduleTime) {
        CloudRecordingSchedule schedule;
        try (InputStream in = getClass().getResourceAsStream("/schedule/schedule.yaml")) {
            schedule = Serialization.unmarshal(in, CloudRecordingSchedule.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        change.accept(schedule);
        CloudRecordingSchedule created = client.resource(schedule).create();
        CloudRecordingScheduleStatus status = new CloudRecordingScheduleStatus();
        status.setLastScheduleTime(lastScheduleTime.toString());
        created.setStatus(status);
        return client.resource(created).updateStatus();
    }

    private void edit(Consumer<CloudRecordingSchedule> change) {
        client.resources(CloudRecordingSchedule.class).inNamespace(NAMESPACE).withName("standup").edit(s -> {
            change.accept(s);
            s.getMetadata().setGeneration(s.getMetadata().getGeneration() + 1);
            return s;
        });
    }

    private CloudRecording existingChild(Instant slot, Phase phase) {
        CloudRecording created = client.resource(ScheduleChildren.build(schedule(), slot)).create();
        CloudRecordingStatus status = new CloudRecordingStatus();
        status.setPhase(phase);
        created.setStatus(status);
        return client.resource(created).updateStatus();
    }

    private void setPhase(String name, Phase phase) {
        CloudRecording child = child(name);
        CloudRecordingStatus status = new CloudRecordingStatus();
        status.setPhase(phase);
        child.setStatus(status);
        client.resource(child).updateStatus();
    }

    private CloudRecordingSchedule schedule() {
        return client.resources(CloudRecordingSchedule.class).inNamespace(NAMESPACE).withName("standup").get();
    }

    private CloudRecording child(String name) {
        return client.resources(CloudRecording.class).inNamespace(NAMESPACE).withName(name).get();
    }

    private List<CloudRecording> children() {
        return client.resources(CloudRecording.class).inNamespace(NAMESPACE).list().getItems().stream()
                .sorted(Comparator.comparing(c -> ScheduleChildren.scheduledAt(c))).toList();
    }

    private Condition condition(String type) {
        return Conditions.find(schedule().getStatus().getConditions(), type).orElseThrow();
    }

    private List<Event> events(String reason) {
        return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> reason.equals(e.getReason())).toList();
    }

    /** Creates children but dies before any status write, as a process killed between the two would. */
    private record StatusWriteFails(ScheduleApi delegate) implements ScheduleApi {
        @Override
        public CloudRecordingSchedule writeStatus(CloudRecordingSchedule schedule, CloudRecordingScheduleStatus status) {
            throw new IllegalStateException("process ended before the status write");
        }

        @Override
        public Created createChild(CloudRecording child) {
            return delegate.createChild(child);
        }

        @Override
        public void deleteChild(CloudRecording child) {
            delegate.deleteChild(child);
        }
    }

    /** Answers every create as the real API server answers an invalid child (the mock checks no schema). */
    private record RefusingCreate(ScheduleApi delegate) implements ScheduleApi {
        @Override
        public CloudRecordingSchedule writeStatus(CloudRecordingSchedule schedule, CloudRecordingScheduleStatus status) {
            return delegate.writeStatus(schedule, status);
        }

        @Override
        public Created createChild(CloudRecording child) {
            return new Created.Refused("CloudRecording.trtc.tencentcloud.com \"" + child.getMetadata().getName()
                    + "\" is invalid: spec.recorder.userId: Invalid value: \"\": spec.recorder.userId in body should be at least 1 chars long");
        }

        @Override
        public void deleteChild(CloudRecording child) {
            delegate.deleteChild(child);
        }
    }
}
