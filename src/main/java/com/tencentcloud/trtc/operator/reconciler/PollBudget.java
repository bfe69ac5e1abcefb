package com.tencentcloud.trtc.operator.reconciler;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps DescribeCloudRecording traffic inside a fixed share of the API's rate limit, however many tasks are
 * followed: each task is described every {@code max(pollInterval, activeTasks / budget)} seconds, where the
 * budget is half of {@code TRTC_RATE_LIMIT}. The other half stays free for Create, Modify and Delete.
 */
final class PollBudget {

    private final Duration pollInterval;
    private final double describesPerSecond;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    PollBudget(Duration pollInterval, double rateLimitPerSecond) {
        this.pollInterval = pollInterval;
        this.describesPerSecond = rateLimitPerSecond / 2;
    }

    /** Counts {@code uid} among the followed tasks and returns the interval for the current count. */
    Duration follow(String uid) {
        active.add(uid);
        return interval(active.size());
    }

    /** When to describe a task created just now: soon, but spread out when many are followed already. */
    Duration firstDescribe(String uid, Duration soonest) {
        active.add(uid);
        Duration first = soonest.compareTo(pollInterval) < 0 ? soonest : pollInterval;
        Duration needed = Duration.ofMillis((long) Math.ceil(active.size() * 1000.0 / describesPerSecond));
        return needed.compareTo(first) > 0 ? needed : first;
    }

    /**
     * When to describe, for the first time since this process started, a task that an earlier process followed: at
     * a random moment within the poll interval of {@code expectedTasks} (or of the tasks followed now, if more), so
     * that the tasks a restart finds are described at the rate of the steady state and not all at once.
     */
    Duration firstAfterStart(String uid, int expectedTasks) {
        active.add(uid);
        Duration window = interval(Math.max(active.size(), expectedTasks));
        return Duration.ofMillis(java.util.concurrent.ThreadLocalRandom.current().nextLong(window.toMillis() + 1));
    }

    void release(String uid) {
        active.remove(uid);
    }

    /** The poll interval that keeps {@code activeTasks} within the budget. */
    Duration interval(int activeTasks) {
        Duration needed = Duration.ofMillis((long) Math.ceil(activeTasks * 1000.0 / describesPerSecond));
        return needed.compareTo(pollInterval) > 0 ? needed : pollInterval;
    }
}
