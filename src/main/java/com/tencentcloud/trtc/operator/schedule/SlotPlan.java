package com.tencentcloud.trtc.operator.schedule;

import com.tencentcloud.trtc.operator.api.v1alpha1.ConcurrencyPolicy;
import com.tencentcloud.trtc.operator.schedule.ScheduleChildren.Child;
import com.tencentcloud.trtc.operator.schedule.ScheduleChildren.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a schedule should do now, decided from its slots, its owned children and the clock, as a CronJob decides.
 *
 * <ul>
 *   <li><b>Which slot.</b> Only the latest slot after {@code earliest} (the last slot started, else the schedule's
 *       creation) and at or before now is considered; earlier missed slots are never started, so an outage ends
 *       with at most one child, never a burst.</li>
 *   <li><b>Too late.</b> With {@code startingDeadlineSeconds}, a slot more than that late is missed.</li>
 *   <li><b>Concurrency.</b> {@code Forbid} holds the slot while a child is live (it starts if that child finishes
 *       before the deadline, as a CronJob's does); {@code Replace} deletes the live children and starts;
 *       {@code Allow} starts.</li>
 *   <li><b>History.</b> Finished children beyond the limits are deleted, oldest slot first.</li>
 * </ul>
 *
 * @param due        the slot to act on, if any
 * @param action     what to do about it
 * @param toReplace  live children to delete before starting ({@code Replace})
 * @param live       live children, oldest slot first
 * @param beyondHistory finished children to delete, oldest first
 */
public record SlotPlan(Optional<Instant> due, Action action, List<String> toReplace, List<String> live,
                       List<String> beyondHistory) {

    public static final int DEFAULT_SUCCESSFUL_HISTORY = 3;
    public static final int DEFAULT_FAILED_HISTORY = 1;

    /** What to do about the due slot. */
    public enum Action {
        /** No slot is due. */
        NONE,
        /** Create the child of the due slot. */
        START,
        /** The due slot's child already exists: the slot was started (by this process before a restart, or another). */
        ALREADY_STARTED,
        /** The slot is later than startingDeadlineSeconds allows. */
        MISSED,
        /** Forbid and a child is live. */
        HELD_BY_LIVE_CHILD
    }

    /**
     * Decides.
     *
     * @param deadline    startingDeadlineSeconds, if set
     * @param nameOf      the child name of a slot
     */
    public static SlotPlan decide(CronSlots slots, Instant earliest, Instant now, Optional<Duration> deadline,
                                  ConcurrencyPolicy policy, int successfulLimit, int failedLimit, List<Child> children,
                                  java.util.function.Function<Instant, String> nameOf) {
        List<Child> sorted = children.stream().sorted(Comparator.comparing(Child::scheduledAt).thenComparing(Child::name)).toList();
        List<String> live = sorted.stream().filter(c -> c.state() == State.ACTIVE).map(Child::name).toList();
        List<String> beyond = new ArrayList<>();
        beyond.addAll(oldestBeyond(sorted, State.SUCCEEDED, successfulLimit));
        beyond.addAll(oldestBeyond(sorted, State.FAILED, failedLimit));
        Optional<Instant> due = slots.latest(earliest, now);
        if (due.isEmpty()) {
            return new SlotPlan(due, Action.NONE, List.of(), live, beyond);
        }
        String name = nameOf.apply(due.get());
        if (sorted.stream().anyMatch(c -> c.name().equals(name))) {
            return new SlotPlan(due, Action.ALREADY_STARTED, List.of(), live, beyond);
        }
        if (deadline.isPresent() && due.get().plus(deadline.get()).isBefore(now)) {
            return new SlotPlan(due, Action.MISSED, List.of(), live, beyond);
        }
        ConcurrencyPolicy effective = policy == null ? ConcurrencyPolicy.Forbid : policy;
        if (!live.isEmpty() && effective == ConcurrencyPolicy.Forbid) {
            return new SlotPlan(due, Action.HELD_BY_LIVE_CHILD, List.of(), live, beyond);
        }
        List<String> replace = effective == ConcurrencyPolicy.Replace ? live : List.of();
        return new SlotPlan(due, Action.START, replace, live, beyond);
    }

    private static List<String> oldestBeyond(List<Child> sorted, State state, int limit) {
        List<String> finished = sorted.stream().filter(c -> c.state() == state).map(Child::name).toList();
        return finished.size() <= limit ? List.of() : finished.subList(0, finished.size() - limit);
    }
}
