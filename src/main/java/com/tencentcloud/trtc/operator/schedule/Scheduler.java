package com.tencentcloud.trtc.operator.schedule;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingScheduleSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingScheduleStatus;
import com.tencentcloud.trtc.operator.reconciler.EventRecorder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over a schedule: observe its owned children, delete history beyond the limits, act on the due slot as
 * {@link SlotPlan} decides, write status, and say when to look again (just after the next slot).
 *
 * <p><b>At most once per slot.</b> A child's name is derived from its slot, so creating it a second time fails with
 * HTTP 409 whoever tries: this process after a restart that lost the status write, or a new leader whose cache is
 * behind. A 409 means the slot was started. The last slot started is also kept in memory, so a reconcile that reads a
 * schedule from a cache that does not yet show its own status write does not even try.
 */
public final class Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /** Wake just after a slot rather than just before it. */
    private static final Duration AFTER_SLOT = Duration.ofMillis(100);

    private final ScheduleApi api;
    private final ScheduleStatusTransitions transitions;
    private final EventRecorder events;
    private final Clock clock;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Instant> reported = new ConcurrentHashMap<>();

    public Scheduler(ScheduleApi api, EventRecorder events, Clock clock) {
        this.api = api;
        this.transitions = new ScheduleStatusTransitions(clock);
        this.events = events;
        this.clock = clock;
    }

    /** Reconciles {@code schedule} given the CloudRecordings that may be its children; returns when to look again. */
    public Optional<Duration> sync(CloudRecordingSchedule schedule, Collection<CloudRecording> candidates) {
        Instant now = clock.instant();
        CloudRecordingScheduleSpec spec = schedule.getSpec();
        String uid = schedule.getMetadata().getUid();
        List<CloudRecording> owned = candidates.stream().filter(c -> ScheduleChildren.ownedBy(c, schedule)).toList();
        Instant last = lastStarted(schedule);
        CronSlots slots;
        try {
            slots = CronSlots.parse(spec.getSchedule(), spec.getTimeZone());
        } catch (InvalidScheduleException e) {
            return stall(schedule, last, live(owned), e);
        }
        SlotPlan plan = SlotPlan.decide(slots, earliest(schedule, last), now,
                Optional.ofNullable(spec.getStartingDeadlineSeconds()).map(Duration::ofSeconds), spec.getConcurrencyPolicy(),
                Optional.ofNullable(spec.getSuccessfulHistoryLimit()).orElse(SlotPlan.DEFAULT_SUCCESSFUL_HISTORY),
                Optional.ofNullable(spec.getFailedHistoryLimit()).orElse(SlotPlan.DEFAULT_FAILED_HISTORY),
                owned.stream().map(ScheduleChildren::summary).toList(), slot -> ScheduleChildren.name(schedule, slot));
        owned.stream().filter(c -> plan.beyondHistory().contains(c.getMetadata().getName())).forEach(api::deleteChild);
        List<String> active = new ArrayList<>(plan.live());
        if (Boolean.TRUE.equals(spec.getSuspend())) {
            write(schedule, transitions.suspended(schedule, last, active));
            return Optional.empty();
        }
        if (plan.due().isPresent()) {
            Instant due = plan.due().get();
            String name = ScheduleChildren.name(schedule, due);
            switch (plan.action()) {
                case ALREADY_STARTED -> last = remember(uid, due);
                case MISSED -> reportOnce(schedule, due, "MissedSlot", "Missed the slot at " + due + ": it is more than "
                        + spec.getStartingDeadlineSeconds() + "s (startingDeadlineSeconds) late, so it does not start");
                case HELD_BY_LIVE_CHILD -> reportOnce(schedule, due, "SlotSkipped", "Not starting the slot at " + due
                        + " because " + String.join(", ", plan.live()) + " is still live and concurrencyPolicy is Forbid"
                        + (spec.getStartingDeadlineSeconds() == null ? "" : "; it starts if that ends within startingDeadlineSeconds"));
                case START -> {
                    for (CloudRecording replaced : owned) {
                        if (plan.toReplace().contains(replaced.getMetadata().getName())) {
                            api.deleteChild(replaced);
                            active.remove(replaced.getMetadata().getName());
                            events.normal(schedule, "Replaced", "Deleted " + replaced.getMetadata().getName()
                                    + " to start the slot at " + due + " (concurrencyPolicy Replace)");
                        }
                    }
                    ScheduleApi.Created created = api.createChild(ScheduleChildren.build(schedule, due, slots.next(due)));
                    if (created instanceof ScheduleApi.Created.Refused refused) {
                        return stall(schedule, last, active, new InvalidScheduleException(InvalidScheduleException.REASON_TEMPLATE,
                                "The API server refused the child " + name + ": " + refused.message()));
                    }
                    last = remember(uid, due);
                    if (created instanceof ScheduleApi.Created.Done) {
                        active.add(name);
                        LOG.info("{}/{}: started {} for the slot at {}", schedule.getMetadata().getNamespace(),
                                schedule.getMetadata().getName(), name, due);
                        events.normal(schedule, "Started", "Started CloudRecording " + name + " for the slot at " + due);
                    } else if (created instanceof ScheduleApi.Created.Exists exists
                            && exists.existing().filter(e -> !ScheduleChildren.ownedBy(e, schedule)).isPresent()) {
                        events.warning(schedule, "NameTaken", "Not starting the slot at " + due + ": CloudRecording " + name
                                + " exists and is not owned by this schedule; it is left alone");
                    }
                }
                case NONE -> {
                }
            }
        }
        Optional<Instant> next = slots.next(now);
        if (next.isEmpty()) {
            return stall(schedule, last, active, new InvalidScheduleException(InvalidScheduleException.REASON_SCHEDULE,
                    "schedule '" + spec.getSchedule() + "' has no slot within five years"));
        }
        write(schedule, transitions.scheduling(schedule, last, next.get(), active));
        return Optional.of(Duration.between(now, next.get()).plus(AFTER_SLOT));
    }

    private Optional<Duration> stall(CloudRecordingSchedule s, Instant last, List<String> active, InvalidScheduleException e) {
        boolean known = s.getStatus() != null && s.getStatus().getConditions() != null && s.getStatus().getConditions().stream()
                .anyMatch(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus()) && e.getMessage().equals(c.getMessage())
                        && Objects.equals(c.getObservedGeneration(), s.getMetadata().getGeneration()));
        write(s, transitions.stalled(s, last, active, e.reason(), e.getMessage()));
        if (!known) {
            events.warning(s, e.reason(), e.getMessage());
        }
        return Optional.empty();
    }

    private void reportOnce(CloudRecordingSchedule s, Instant slot, String reason, String message) {
        if (!slot.equals(reported.put(s.getMetadata().getUid(), slot))) {
            events.warning(s, reason, message);
        }
    }

    private Instant remember(String uid, Instant slot) {
        started.merge(uid, slot, (a, b) -> a.isAfter(b) ? a : b);
        return started.get(uid);
    }

    /** The last slot started: from status, or from memory when this process started a later one. */
    private Instant lastStarted(CloudRecordingSchedule s) {
        Instant fromStatus = s.getStatus() == null || s.getStatus().getLastScheduleTime() == null ? null
                : Instant.parse(s.getStatus().getLastScheduleTime());
        Instant fromMemory = started.get(s.getMetadata().getUid());
        if (fromStatus == null) {
            return fromMemory;
        }
        return fromMemory != null && fromMemory.isAfter(fromStatus) ? fromMemory : fromStatus;
    }

    /** Slots after this are due: the last one started, else the schedule's creation (as a CronJob counts). */
    private static Instant earliest(CloudRecordingSchedule s, Instant last) {
        if (last != null) {
            return last;
        }
        String created = s.getMetadata().getCreationTimestamp();
        return created == null ? Instant.EPOCH : Instant.parse(created);
    }

    private static List<String> live(List<CloudRecording> owned) {
        return owned.stream().map(ScheduleChildren::summary).filter(c -> c.state() == ScheduleChildren.State.ACTIVE)
                .sorted(java.util.Comparator.comparing(ScheduleChildren.Child::scheduledAt)).map(ScheduleChildren.Child::name).toList();
    }

    private void write(CloudRecordingSchedule s, CloudRecordingScheduleStatus next) {
        if (s.getStatus() != null && Serialization.asJson(s.getStatus()).equals(Serialization.asJson(next))) {
            return;
        }
        api.writeStatus(s, next);
    }
}
