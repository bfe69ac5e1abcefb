package com.tencentcloud.trtc.operator.reconciler;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps reconcile threads free for every namespace while one namespace bursts (design §4), and paces the reconciles
 * it sends back by the rate budget they wait for: each account's own (design §12).
 *
 * <p>The TRTC limiters (one per account's SecretId, one for the operator's default budget) serve waiting calls
 * round-robin across namespaces, but only calls that reached a reconcile thread can wait there: JOSDK runs a fixed pool
 * of them, and if one namespace's burst had every thread waiting at a limiter, another namespace's event would sit in
 * JOSDK's queue behind the whole burst. So at most {@link #perNamespace()} reconciles of one namespace run at once (the
 * pool less a quarter of it, at least one thread kept free); a reconcile beyond that does nothing and comes back later.
 * A reconcile that is due now, a recording whose task slot just freed (design §11), may also take the threads kept for
 * other namespaces but one ({@link #duePerNamespace()}): such reconciles are few (one per slot freed), each makes one
 * call, and deferring one behind its namespace's line would leave its slot unused for as long as that line takes.
 *
 * <p>The delay follows its place in line for its budget's limiter. Resources wait in one line per budget and
 * namespace; the {@code n}-th of a namespace's line comes back after about as many permits as the limiter hands out
 * before its turn, round-robin: {@code n} for its own namespace and up to {@code n} for each other namespace waiting for
 * the same budget, at that budget's rate. It comes back a little before (one that comes back early is sent back again at
 * no cost, one that came back late would leave the limiter idle at the end of the line), so each budget's lines drain
 * in order, at that budget's rate, without a hot loop; two accounts' lines never slow each other down.
 *
 * <p>In memory, per process. Thread-safe.
 */
final class NamespaceShare {

    static final Duration MIN_DELAY = Duration.ofMillis(100);
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** Deferred reconciles come back at 80 to 90 % of their place in line: early costs a no-op, late an idle limiter. */
    static final double EARLY = 0.8;
    private final int perNamespace;
    private final int duePerNamespace;
    private final Pace defaultPace;
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<String, Budget> budgets = new HashMap<>();
    private final Map<String, String> waitingFor = new HashMap<>();

    /** The lines of one budget, one per namespace, in the order the namespaces began to wait. */
    private static final class Budget {
        private final LinkedHashMap<String, Line> lines = new LinkedHashMap<>();
    }

    private static final class Line {
        private final LinkedHashMap<String, Long> tickets = new LinkedHashMap<>();
        private long next;

        /**
         * How many still wait before {@code ticket}: counted, not the difference of ticket numbers, since those who
         * got a thread out of turn have left the line and no longer stand before anyone.
         */
        long ahead(long ticket) {
            long ahead = 0;
            for (long t : tickets.values()) {
                if (t >= ticket) {
                    break;
                }
                ahead++;
            }
            return ahead;
        }
    }

    /**
     * @param threads       the number of reconcile threads
     * @param ratePerSecond the operator's default rate limit per action ({@code TRTC_RATE_LIMIT}), the pace of
     *                      resources without an account's budget
     */
    NamespaceShare(int threads, double ratePerSecond) {
        this.perNamespace = Math.max(1, Math.min(threads - 1, threads - threads / 4));
        this.duePerNamespace = Math.max(perNamespace, threads - 1);
        this.defaultPace = Pace.byDefault(ratePerSecond);
    }

    /** How many reconciles of one namespace may run at once. */
    int perNamespace() {
        return perNamespace;
    }

    /** How many reconciles of one namespace may run at once while the one asking is due now. */
    int duePerNamespace() {
        return duePerNamespace;
    }

    /** {@link #enter(String, String, Supplier)} for a resource in the operator's default budget. */
    Optional<Duration> enter(String namespace, String uid) {
        return enter(namespace, uid, Optional::empty);
    }

    /**
     * Lets the reconcile of resource {@code uid} in {@code namespace} run, or says when to come back.
     *
     * @param pace the budget the resource's calls count against, empty for the default; asked only when it waits
     * @return empty when it may run (then {@link #leave} it), else how long to wait before trying again
     */
    Optional<Duration> enter(String namespace, String uid, Supplier<Optional<Pace>> pace) {
        return enter(namespace, uid, pace, () -> false);
    }

    /**
     * {@link #enter(String, String, Supplier)}, for a reconcile that may be {@code due} now (a freed task slot waits
     * for it); asked only when the namespace has no thread to spare otherwise.
     */
    Optional<Duration> enter(String namespace, String uid, Supplier<Optional<Pace>> pace, BooleanSupplier due) {
        if (letIn(namespace, uid, perNamespace) || duePerNamespace > perNamespace && due.getAsBoolean()
                && letIn(namespace, uid, duePerNamespace)) {
            return Optional.empty();
        }
        return Optional.of(queue(namespace, uid, pace.get().orElse(defaultPace)));
    }

    private synchronized boolean letIn(String namespace, String uid, int limit) {
        int now = running.getOrDefault(namespace, 0);
        if (now >= limit) {
            return false;
        }
        running.put(namespace, now + 1);
        leaveLine(namespace, uid);
        return true;
    }

    private synchronized Duration queue(String namespace, String uid, Pace pace) {
        String before = waitingFor.get(uid);
        if (before != null && !before.equals(pace.key())) {
            leaveLine(namespace, uid);
        }
        Budget budget = budgets.computeIfAbsent(pace.key(), k -> new Budget());
        Line line = budget.lines.computeIfAbsent(namespace, n -> new Line());
        long ticket = line.tickets.computeIfAbsent(uid, u -> line.next++);
        waitingFor.put(uid, pace.key());
        long place = line.ahead(ticket) + 1;
        long permitsBefore = place;
        for (Line other : budget.lines.values()) {
            if (other != line) {
                permitsBefore += Math.min(place, other.tickets.size());
            }
        }
        double seconds = permitsBefore / pace.perSecond() * (EARLY + 0.1 * ThreadLocalRandom.current().nextDouble());
        Duration delay = Duration.ofNanos((long) (seconds * 1e9));
        return delay.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private void leaveLine(String namespace, String uid) {
        String key = waitingFor.remove(uid);
        if (key == null) {
            return;
        }
        Budget budget = budgets.get(key);
        Line line = budget == null ? null : budget.lines.get(namespace);
        if (line != null && line.tickets.remove(uid) != null && line.tickets.isEmpty()) {
            budget.lines.remove(namespace);
            if (budget.lines.isEmpty()) {
                budgets.remove(key);
            }
        }
    }

    /** {@link #run(String, String, Supplier, Supplier, Function)} for a resource in the operator's default budget. */
    <T> T run(String namespace, String uid, Supplier<T> work, Function<Duration, T> later) {
        return run(namespace, uid, Optional::empty, work, later);
    }

    /**
     * Runs {@code work} for resource {@code uid} of {@code namespace} if the namespace has a thread to spare, else
     * returns {@code later} of the time to come back, paced by the budget {@code pace} names (empty: the default).
     */
    <T> T run(String namespace, String uid, Supplier<Optional<Pace>> pace, Supplier<T> work, Function<Duration, T> later) {
        return run(namespace, uid, pace, () -> false, work, later);
    }

    /**
     * {@link #run(String, String, Supplier, Supplier, Function)} for a reconcile that is {@code due} now (a freed task
     * slot waits for it) or not; one that is due may use the threads kept for other namespaces but one.
     */
    <T> T run(String namespace, String uid, Supplier<Optional<Pace>> pace, BooleanSupplier due, Supplier<T> work,
              Function<Duration, T> later) {
        Optional<Duration> wait = enter(namespace, uid, pace, due);
        if (wait.isPresent()) {
            return later.apply(wait.get());
        }
        try {
            return work.get();
        } finally {
            leave(namespace);
        }
    }

    /** The reconcile that {@link #enter entered} is over. */
    synchronized void leave(String namespace) {
        int now = running.getOrDefault(namespace, 0);
        if (now <= 1) {
            running.remove(namespace);
        } else {
            running.put(namespace, now - 1);
        }
    }

    /** Forgets a resource that is gone. */
    synchronized void forget(String namespace, String uid) {
        leaveLine(namespace, uid);
    }

    /** How many resources of {@code namespace} wait for their turn, whatever their budget. */
    synchronized int deferred(String namespace) {
        int waiting = 0;
        for (Budget budget : budgets.values()) {
            Line line = budget.lines.get(namespace);
            waiting += line == null ? 0 : line.tickets.size();
        }
        return waiting;
    }
}
