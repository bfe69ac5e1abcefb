package com.tencentcloud.trtc.operator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TaskSlotsTest {

    private static final long APP = 1400000001L;
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final List<String> woken = new ArrayList<>();
    private final Map<Long, Integer> queued = new HashMap<>();
    private final List<Duration> waits = new ArrayList<>();
    private List<CloudRecording> cache = List.of();
    private final TaskSlots slots = new TaskSlots(TaskLimit.fixed(2), clock, () -> cache.stream(),
            turn -> woken.add(turn.namespace() + "/" + turn.name()), new TaskSlots.Listener() {
                @Override
                public void queued(long sdkAppId, int waiting) {
                    queued.put(sdkAppId, waiting);
                }

                @Override
                public void waited(long sdkAppId, Duration waited) {
                    waits.add(waited);
                }
            });

    @Test
    void pastTheLimitRecordingsWaitInOrderOfAgeAndShowTheirPlace() {
        CloudRecording a = recording("ns", "a", 0, 0);
        CloudRecording b = recording("ns", "b", 1, 0);
        CloudRecording c = recording("ns", "c", 2, 0);
        CloudRecording d = recording("ns", "d", 3, 0);
        assertThat(slots.admit(a)).isInstanceOf(Admission.Admitted.class);
        assertThat(slots.admit(b)).isInstanceOf(Admission.Admitted.class);
        Admission.Queued dq = (Admission.Queued) slots.admit(d);
        Admission.Queued cq = (Admission.Queued) slots.admit(c);
        assertThat(cq.message()).isEqualTo("position 1 of 2 for SdkAppId " + APP + " (limit 2)");
        assertThat(dq.position()).isEqualTo(1);
        assertThat(((Admission.Queued) slots.admit(d)).position()).isEqualTo(2);
        assertThat(queued).containsEntry(APP, 2);
    }

    @Test
    void aTaskThatEndsGivesItsSlotToTheHeadOfTheLineAtOnce() {
        CloudRecording a = recording("ns", "a", 0, 0);
        CloudRecording b = recording("ns", "b", 1, 0);
        CloudRecording c = recording("ns", "c", 2, 0);
        CloudRecording d = recording("ns", "d", 3, 0);
        twoTasksThenTwoWaiting(a, b, d, c);
        assertThat(woken).isEmpty();

        clock.advance(Duration.ofSeconds(7));
        slots.settle(withTask(a, Phase.Stopped));

        assertThat(woken).containsExactly("ns/c");
        assertThat(slots.admit(d)).isInstanceOf(Admission.Queued.class);
        assertThat(slots.admit(c)).isInstanceOf(Admission.Admitted.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(slots.counts(APP)).containsExactly(2, 1);
    }

    @Test
    void aCallbackThatEndsATaskFreesItsSlotBeforeTheStatusSaysSoAndTheStaleStatusDoesNotTakeItBack() {
        CloudRecording[] line = aAndBLiveThenCAndDWaiting();
        CloudRecording a = line[0];
        CloudRecording c = line[2];
        CloudRecording d = line[3];

        slots.ended(withTask(a, Phase.Recording));

        assertThat(woken).containsExactly("ns/c");
        assertThat(slots.counts(APP)).containsExactly(1, 2);
        slots.settle(withTask(a, Phase.Recording));
        assertThat(slots.admit(c)).as("the slot a's stale status names stays free").isInstanceOf(Admission.Admitted.class);
        assertThat(slots.admit(d)).isInstanceOf(Admission.Queued.class);

        slots.settle(withTask(a, Phase.Stopped));
        slots.settle(withTask(c, Phase.Idle));
        assertThat(slots.counts(APP)).containsExactly(2, 1);
        assertThat(woken).containsExactly("ns/c");
    }

    @Test
    void aTaskEndedEarlyIsForgottenOnceTheResourceShowsANewTask() {
        CloudRecording[] line = aAndBLiveThenCAndDWaiting();
        CloudRecording a = line[0];
        CloudRecording c = line[2];
        slots.ended(withTask(a, Phase.Recording));
        slots.ended(withTask(a, Phase.Recording));
        assertThat(woken).as("told twice, freed once").containsExactly("ns/c");

        CloudRecording restarted = withTask(a, Phase.Idle);
        restarted.getStatus().setTaskId("task-a-2");
        slots.settle(restarted);

        assertThat(slots.counts(APP)).as("a's new task holds a slot again").containsExactly(2, 2);
        assertThat(slots.admit(c)).isInstanceOf(Admission.Queued.class);
    }

    @Test
    void anEndWithACreateInFlightOrWithoutATaskFreesNothing() {
        CloudRecording[] line = aAndBLiveThenCAndDWaiting();
        CloudRecording a = line[0];
        CloudRecording pending = withTask(a, Phase.Recording);
        pending.getMetadata().setAnnotations(Map.of(CloudRecording.ANNOTATION_CREATE_PENDING, T0.toString()));

        slots.ended(pending);
        slots.ended(recording("ns", "b", 1, 0));

        assertThat(woken).isEmpty();
        assertThat(slots.counts(APP)).containsExactly(2, 2);
    }

    @Test
    void turnCameSaysWhoWouldBeAdmittedNowWithoutTakingTheSlot() {
        CloudRecording a = recording("ns", "a", 0, 0);
        CloudRecording c = recording("ns", "c", 2, 0);
        CloudRecording d = recording("ns", "d", 3, 0);
        twoTasksThenTwoWaiting(a, recording("ns", "b", 1, 0), d, c);
        assertThat(slots.turnCame(a)).as("a holder does not wait").isFalse();
        assertThat(slots.turnCame(c)).isFalse();
        assertThat(slots.turnCame(recording("ns", "never-seen", 0, 0))).isFalse();

        slots.settle(withTask(a, Phase.Stopped));

        assertThat(slots.turnCame(c)).as("the head, with a slot free").isTrue();
        assertThat(slots.turnCame(d)).as("second in line, one slot free").isFalse();
        assertThat(slots.turnCame(c)).as("asking changes nothing").isTrue();
        assertThat(slots.counts(APP)).containsExactly(1, 2);
        assertThat(slots.admit(c)).isInstanceOf(Admission.Admitted.class);
        assertThat(slots.turnCame(c)).as("admitted, it no longer waits").isFalse();
    }

    @Test
    void anExpiredTaskKeepsItsSlotAndADeletedResourceFreesIt() {
        CloudRecording a = recording("ns", "a", 0, 0);
        CloudRecording b = recording("ns", "b", 1, 0);
        CloudRecording c = recording("ns", "c", 2, 0);
        slots.admit(a);
        slots.settle(withTask(a, Phase.Expired));
        slots.admit(b);
        slots.settle(withTask(b, Phase.Idle));
        slots.admit(c);
        slots.settle(withTask(a, Phase.Expired));
        assertThat(woken).isEmpty();

        slots.forget(b);

        assertThat(woken).containsExactly("ns/c");
    }

    @Test
    void higherPriorityFirstThenNamespacesTakeTurnsOldestFirst() {
        slots.admit(recording("x", "holder1", 0, 0));
        slots.admit(recording("x", "holder2", 0, 0));
        CloudRecording x1 = recording("x", "x1", 1, 0);
        CloudRecording x2 = recording("x", "x2", 2, 0);
        CloudRecording x3 = recording("x", "x3", 3, 0);
        CloudRecording y1 = recording("y", "y1", 10, 0);
        CloudRecording urgent = recording("y", "urgent", 20, 5);
        for (CloudRecording r : List.of(x3, y1, x2, urgent, x1)) {
            slots.admit(r);
        }
        assertThat(positions(urgent, x1, y1, x2, x3)).containsExactly(1, 2, 3, 4, 5);

        urgent.getSpec().setPriority(null);
        assertThat(positions(urgent, x1, y1, x2, x3)).as("a changed priority counts from the resource's next look")
                .containsExactly(4, 1, 2, 3, 5);
    }

    @Test
    void theLineAndTheSlotsAreRebuiltFromTheCacheSoARestartStartsNoMoreThanTheLimit() {
        CloudRecording live = withTask(recording("ns", "live", 0, 0), Phase.Recording);
        CloudRecording pending = recording("ns", "pending", 1, 0);
        pending.getMetadata().setAnnotations(Map.of(CloudRecording.ANNOTATION_CREATE_PENDING, T0.toString()));
        CloudRecording ended = withTask(recording("ns", "ended", 2, 0), Phase.Stopped);
        CloudRecording older = recording("ns", "older", 3, 0);
        CloudRecording newer = recording("ns", "newer", 4, 0);
        cache = List.of(live, pending, ended, older, newer);

        Admission newest = slots.admit(newer);

        assertThat(newest).isInstanceOf(Admission.Queued.class);
        assertThat(((Admission.Queued) newest).position()).isEqualTo(2);
        assertThat(slots.counts(APP)).containsExactly(2, 2);
        assertThat(queued).containsEntry(APP, 2);
    }

    @Test
    void afterRestrictedConcurrencyOnlyTheHeadProbesOncePerIntervalUntilAProbeGetsATask() {
        TaskSlots roomy = new TaskSlots(TaskLimit.fixed(100), clock, Stream::empty,
                turn -> woken.add(turn.name()), TaskSlots.Listener.NONE);
        CloudRecording a = recording("ns", "a", 0, 0);
        CloudRecording b = recording("ns", "b", 1, 0);
        CloudRecording c = recording("ns", "c", 2, 0);
        assertThat(roomy.admit(a)).isInstanceOf(Admission.Admitted.class);
        roomy.restricted(a);
        Admission.Queued head = (Admission.Queued) roomy.admit(a);
        assertThat(head.restricted()).isTrue();
        assertThat(head.recheck()).isEqualTo(TaskSlots.MIN_REFRESH);
        assertThat(head.message()).contains("FailedOperation.RestrictedConcurrency");
        assertThat(roomy.admit(b)).isInstanceOf(Admission.Queued.class);
        assertThat(roomy.admit(c)).isInstanceOf(Admission.Queued.class);

        clock.advance(Duration.ofSeconds(29));
        assertThat(roomy.admit(a)).isInstanceOf(Admission.Queued.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(roomy.admit(b)).as("only the head probes").isInstanceOf(Admission.Queued.class);
        assertThat(roomy.admit(a)).isInstanceOf(Admission.Admitted.class);
        roomy.restricted(a);
        assertThat(roomy.admit(a)).isInstanceOf(Admission.Queued.class);

        clock.advance(TaskSlots.PROBE_INTERVAL);
        assertThat(roomy.admit(a)).isInstanceOf(Admission.Admitted.class);
        assertThat(roomy.admit(b)).as("one Create in flight while the application is full").isInstanceOf(Admission.Queued.class);
        roomy.settle(withTask(a, Phase.Idle));
        assertThat(woken).containsExactly("b");
        assertThat(roomy.admit(b)).isInstanceOf(Admission.Admitted.class);
        assertThat(roomy.admit(c)).as("careful after a refusal: one Create at a time").isInstanceOf(Admission.Queued.class);
        roomy.settle(withTask(b, Phase.Idle));
        assertThat(roomy.admit(c)).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void aTaskOfTheOperatorsOwnThatEndsAfterARefusalLetsExactlyTheHeadCreateAndNoOneProbesBeforeTheInterval() {
        TaskSlots roomy = new TaskSlots(TaskLimit.fixed(100), clock, Stream::empty, turn -> woken.add(turn.name()),
                TaskSlots.Listener.NONE);
        CloudRecording a = recording("ns", "a", 0, 0);
        CloudRecording b = recording("ns", "b", 1, 0);
        CloudRecording c = recording("ns", "c", 2, 0);
        CloudRecording d = recording("ns", "d", 3, 0);
        CloudRecording e = recording("ns", "e", 4, 0);
        roomy.admit(a);
        roomy.settle(withTask(a, Phase.Idle));
        roomy.admit(b);
        roomy.settle(withTask(b, Phase.Idle));
        roomy.admit(c);
        roomy.restricted(c);
        assertThat(((Admission.Queued) roomy.admit(d)).restricted()).isTrue();
        roomy.admit(e);
        clock.advance(Duration.ofSeconds(5));

        roomy.settle(withTask(a, Phase.Stopped));

        assertThat(woken).containsExactly("c");
        assertThat(roomy.admit(c)).isInstanceOf(Admission.Admitted.class);
        assertThat(roomy.admit(d)).as("the freed slot was the only room TRTC is known to have").isInstanceOf(Admission.Queued.class);
        roomy.settle(withTask(c, Phase.Idle));
        Admission.Queued head = (Admission.Queued) roomy.admit(d);
        assertThat(head.restricted()).isTrue();
        assertThat(head.position()).isEqualTo(1);
        assertThat(roomy.admit(e)).isInstanceOf(Admission.Queued.class);

        clock.advance(TaskSlots.PROBE_INTERVAL.minusSeconds(5));
        assertThat(roomy.admit(e)).as("only the head probes").isInstanceOf(Admission.Queued.class);
        assertThat(roomy.admit(d)).isInstanceOf(Admission.Admitted.class);
        roomy.settle(withTask(d, Phase.Idle));
        assertThat(roomy.admit(e)).as("a probe that got a task lets the next probe at once").isInstanceOf(Admission.Admitted.class);
        roomy.restricted(e);
        assertThat(((Admission.Queued) roomy.admit(e)).restricted()).isTrue();

        clock.advance(TaskSlots.CAREFUL_FOR);
        assertThat(roomy.admit(e)).as("the ceiling is forgotten a while after the last refusal").isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void aHeadWhoseProbeIsHeldBackByACreateInFlightLooksAgainAfterASecondNotAtOnce() {
        TaskSlots roomy = new TaskSlots(TaskLimit.fixed(100), clock, Stream::empty, turn -> woken.add(turn.name()),
                TaskSlots.Listener.NONE);
        CloudRecording a = recording("ns", "a", 0, 0);
        CloudRecording b = recording("ns", "b", 1, 0);
        roomy.admit(a);
        roomy.admit(b);
        roomy.restricted(a);
        clock.advance(TaskSlots.PROBE_INTERVAL.plusSeconds(1));

        Admission.Queued held = (Admission.Queued) roomy.admit(a);

        assertThat(held.recheck()).isEqualTo(Duration.ofSeconds(1));
        roomy.settle(withTask(b, Phase.Idle));
        assertThat(woken).containsExactly("a");
        assertThat(roomy.admit(a)).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void aResourceThatStopsWaitingLeavesTheLineAndACreateThatLeftNoTaskGivesItsSlotBack() {
        CloudRecording a = recording("ns", "a", 0, 0);
        CloudRecording b = recording("ns", "b", 1, 0);
        CloudRecording c = recording("ns", "c", 2, 0);
        CloudRecording d = recording("ns", "d", 3, 0);
        slots.admit(a);
        slots.admit(b);
        slots.admit(c);
        slots.admit(d);
        CloudRecording paused = recording("ns", "c", 2, 0);
        paused.getMetadata().setAnnotations(Map.of(CloudRecording.ANNOTATION_PAUSED, "true"));
        slots.settle(paused);
        assertThat(((Admission.Queued) slots.admit(d)).position()).isEqualTo(1);

        CloudRecording retrying = recording("ns", "a", 0, 0);
        CloudRecordingStatus status = new CloudRecordingStatus();
        status.setConditions(com.tencentcloud.trtc.operator.mapping.Conditions.set(List.of(), "Synced", "False",
                "ReconcileError", "InternalError", 1L, T0));
        retrying.setStatus(status);
        slots.settle(retrying);

        assertThat(woken).containsExactly("ns/d");
        assertThat(slots.admit(d)).isInstanceOf(Admission.Admitted.class);
    }

    /** {@code first} and {@code second} get a slot and a task (the limit is 2); {@code third}, then {@code fourth}, ask and wait. */
    private void twoTasksThenTwoWaiting(CloudRecording first, CloudRecording second, CloudRecording third, CloudRecording fourth) {
        slots.admit(first);
        slots.settle(withTask(first, Phase.Idle));
        slots.admit(second);
        slots.settle(withTask(second, Phase.Recording));
        slots.admit(third);
        slots.admit(fourth);
    }

    /** a and b hold the two slots, c and d wait in that order. */
    private CloudRecording[] aAndBLiveThenCAndDWaiting() {
        CloudRecording[] line = {recording("ns", "a", 0, 0), recording("ns", "b", 1, 0), recording("ns", "c", 2, 0),
                recording("ns", "d", 3, 0)};
        twoTasksThenTwoWaiting(line[0], line[1], line[2], line[3]);
        return line;
    }

    private List<Integer> positions(CloudRecording... rs) {
        return Stream.of(rs).map(r -> ((Admission.Queued) slots.admit(r)).position()).toList();
    }

    private static CloudRecording recording(String ns, String name, int secondsAfter, int priority) {
        CloudRecording r = new CloudRecording();
        r.getMetadata().setNamespace(ns);
        r.getMetadata().setName(name);
        r.getMetadata().setUid(ns + "-" + name);
        r.getMetadata().setCreationTimestamp(T0.plusSeconds(secondsAfter).toString());
        CloudRecordingSpec spec = new CloudRecordingSpec();
        spec.setSdkAppId(APP);
        spec.setPriority(priority == 0 ? null : priority);
        r.setSpec(spec);
        return r;
    }

    private static CloudRecording withTask(CloudRecording r, Phase phase) {
        CloudRecording copy = recording(r.getMetadata().getNamespace(), r.getMetadata().getName(), 0, 0);
        copy.getMetadata().setCreationTimestamp(r.getMetadata().getCreationTimestamp());
        CloudRecordingStatus status = new CloudRecordingStatus();
        status.setTaskId("task-" + r.getMetadata().getName());
        status.setPhase(phase);
        copy.setStatus(status);
        return copy;
    }
}
