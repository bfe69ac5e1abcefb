package com.tencentcloud.trtc.operator.reconciler;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps DescribeCloudRecording traffic inside a fixed share of each rate budget, however many tasks are followed:
 * each task is described every {@code max(pollInterval, activeTasks / budget)} seconds, where {@code activeTasks}
 * counts the tasks followed in the same {@link Pace budget} (one account's SecretId, or the operator's default) and
 * the budget is half of that budget's rate. The other half stays free for Create, Modify and Delete. Two accounts'
 * tasks are polled in parallel, each account within its own limit (design §12).
 *
 * <p>A task counts in the budget it was last followed in; the methods without a {@link Pace} count it in the
 * operator's default budget. Thread-safe.
 */
final class PollBudget {

    private final Duration pollInterval;
    private final Pace defaultPace;
    private final Map<String, Set<String>> activeByBudget = new ConcurrentHashMap<>();
    private final Map<String, String> budgetOf = new ConcurrentHashMap<>();

    /**
     * @param pollInterval       the shortest interval between two describes of one task
     * @param rateLimitPerSecond the operator's default rate ({@code TRTC_RATE_LIMIT}), the budget of tasks without an account's
     */
    PollBudget(Duration pollInterval, double rateLimitPerSecond) {
        this.pollInterval = pollInterval;
        this.defaultPace = Pace.byDefault(rateLimitPerSecond);
    }

    /** {@link #follow(String, Optional)} in the default budget. */
    Duration follow(String uid) {
        return follow(uid, Optional.empty());
    }

    /** Counts {@code uid} among the tasks followed in {@code pace} (empty: the default) and returns their interval now. */
    Duration follow(String uid, Optional<Pace> pace) {
        Pace p = pace.orElse(defaultPace);
        return interval(p, count(uid, p));
    }

    /** {@link #firstDescribe(String, Duration, Optional)} in the default budget. */
    Duration firstDescribe(String uid, Duration soonest) {
        return firstDescribe(uid, soonest, Optional.empty());
    }

    /** When to describe a task created just now: soon, but spread out when many are followed in its budget already. */
    Duration firstDescribe(String uid, Duration soonest, Optional<Pace> pace) {
        Pace p = pace.orElse(defaultPace);
        int active = count(uid, p);
        Duration first = soonest.compareTo(pollInterval) < 0 ? soonest : pollInterval;
        Duration needed = Duration.ofMillis((long) Math.ceil(active * 1000.0 / describesPerSecond(p)));
        return needed.compareTo(first) > 0 ? needed : first;
    }

    /** {@link #firstAfterStart(String, int, Optional)} in the default budget. */
    Duration firstAfterStart(String uid, int expectedTasks) {
        return firstAfterStart(uid, expectedTasks, Optional.empty());
    }

    /**
     * When to describe, for the first time since this process started, a task that an earlier process followed: at
     * a random moment within the poll interval of {@code expectedTasks} (or of the tasks followed in its budget now, if
     * more), so that the tasks a restart finds are described at the rate of the steady state and not all at once.
     * {@code expectedTasks} may count every budget's tasks: the first describes are then spread wider, never faster.
     */
    Duration firstAfterStart(String uid, int expectedTasks, Optional<Pace> pace) {
        Pace p = pace.orElse(defaultPace);
        int active = count(uid, p);
        Duration window = interval(p, Math.max(active, expectedTasks));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(window.toMillis() + 1));
    }

    /** The task is no longer followed. */
    synchronized void release(String uid) {
        String key = budgetOf.remove(uid);
        if (key != null) {
            leave(key, uid);
        }
    }

    /** The poll interval that keeps {@code activeTasks} within the default budget. */
    Duration interval(int activeTasks) {
        return interval(defaultPace, activeTasks);
    }

    /** The poll interval that keeps {@code activeTasks} within half of {@code pace}'s rate. */
    Duration interval(Pace pace, int activeTasks) {
        Duration needed = Duration.ofMillis((long) Math.ceil(activeTasks * 1000.0 / describesPerSecond(pace)));
        return needed.compareTo(pollInterval) > 0 ? needed : pollInterval;
    }

    private static double describesPerSecond(Pace pace) {
        return pace.perSecond() / 2;
    }

    private void leave(String key, String uid) {
        activeByBudget.computeIfPresent(key, (k, tasks) -> {
            tasks.remove(uid);
            return tasks.isEmpty() ? null : tasks;
        });
    }

    /** Counts {@code uid} in {@code pace}'s budget (moving it from another, if its account changed); returns the count. */
    private synchronized int count(String uid, Pace pace) {
        String before = budgetOf.put(uid, pace.key());
        if (before != null && !before.equals(pace.key())) {
            leave(before, uid);
        }
        Set<String> tasks = activeByBudget.computeIfAbsent(pace.key(), k -> ConcurrentHashMap.newKeySet());
        tasks.add(uid);
        return tasks.size();
    }
}
