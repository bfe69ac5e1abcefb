package com.tencentcloud.trtc.operator.reconciler;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a task may be described next, once its recording callbacks arrive (design §8).
 *
 * <p>A task that has sent no callback is followed exactly as before: every follow describes it. From its first
 * callback on, a follow describes only when the planned time has come, so the reconciles that callbacks start apply
 * them and call nothing. While the task records ({@code Recording}) the callbacks carry its status and the plan is
 * a safety net: one Describe every {@link #SAFETY_NET} (to {@code SAFETY_NET} × 1.2 with jitter), about 11 an hour
 * instead of 120 at the default 30 s. While it is {@code Idle} the plan stays the poll interval, because no
 * callback says when a VOD recording starts to receive media. Kept in memory: after a restart a task is described
 * at the poll interval until its next callback, the first time at the moment {@link #spreadFirst} planned.
 */
final class DescribeSchedule {

    static final Duration SAFETY_NET = Duration.ofMinutes(5);

    /** @param spread the first Describe since a start, planned by {@link #spreadFirst}, still to come */
    private record Entry(boolean callbacks, Instant nextDescribe, boolean spread) {
        Entry(boolean callbacks, Instant nextDescribe) {
            this(callbacks, nextDescribe, false);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A callback for {@code uid}'s task was applied at {@code now}. */
    void callbackApplied(String uid, Instant now) {
        entries.compute(uid, (k, e) -> new Entry(true, e != null && e.nextDescribe() != null ? e.nextDescribe()
                : now.plus(RecordingCreator.FIRST_DESCRIBE)));
    }

    /** Whether callbacks have arrived for {@code uid}'s task. */
    boolean callbacks(String uid) {
        Entry e = entries.get(uid);
        return e != null && e.callbacks();
    }

    /** How long to wait before describing {@code uid}'s task; empty when a Describe is due (always without callbacks). */
    Optional<Duration> wait(String uid, Instant now) {
        Entry e = entries.get(uid);
        if (e == null || !(e.callbacks() || e.spread()) || e.nextDescribe() == null || !now.isBefore(e.nextDescribe())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, e.nextDescribe()));
    }

    /** Whether anything is planned for {@code uid}'s task in this process (a Describe, or a callback seen). */
    boolean known(String uid) {
        return entries.containsKey(uid);
    }

    /**
     * The first Describe of {@code uid}'s task in this process, a task an earlier process followed, is planned for
     * {@code at}; until then a follow describes nothing, with or without callbacks.
     */
    void spreadFirst(String uid, Instant at) {
        entries.putIfAbsent(uid, new Entry(false, at, true));
    }

    /** {@code uid}'s task was described; the next Describe is planned for {@code next}. */
    void described(String uid, Instant next) {
        entries.compute(uid, (k, e) -> new Entry(e != null && e.callbacks(), next));
    }

    void forget(String uid) {
        entries.remove(uid);
    }
}
