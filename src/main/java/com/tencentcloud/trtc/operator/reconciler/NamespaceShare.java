package com.tencentcloud.trtc.operator.reconciler;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps reconcile threads free for every namespace while one namespace bursts (design §4).
 *
 * <p>The TRTC limiter serves waiting calls round-robin across namespaces, but only calls that reached a reconcile
 * thread can wait there: JOSDK runs a fixed pool of them, and if one namespace's burst had every thread waiting at
 * the limiter, another namespace's event would sit in JOSDK's queue behind the whole burst. So at most
 * {@link #perNamespace()} reconciles of one namespace run at once (the pool less a quarter of it, at least one
 * thread kept free); a reconcile beyond that does nothing and comes back later. The delay follows its place in
 * its namespace's line: the {@code n}-th deferred resource comes back after about {@code n} permits at the rate
 * limit (a little before: one that comes back early is sent back again at no cost, one that came back late would
 * leave the limiter idle at the end of the line), so the line drains in order, at the limit, without a hot loop.
 *
 * <p>In memory, per process. Thread-safe.
 */
final class NamespaceShare {

    static final Duration MIN_DELAY = Duration.ofMillis(100);
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** Deferred reconciles come back at 80 to 90 % of their place in line: early costs a no-op, late an idle limiter. */
    static final double EARLY = 0.8;

    private final int perNamespace;
    private final double ratePerSecond;
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<String, Line> lines = new HashMap<>();

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
     * @param ratePerSecond the TRTC rate limit per action
     */
    NamespaceShare(int threads, double ratePerSecond) {
        this.perNamespace = Math.max(1, Math.min(threads - 1, threads - threads / 4));
        this.ratePerSecond = ratePerSecond;
    }

    /** How many reconciles of one namespace may run at once. */
    int perNamespace() {
        return perNamespace;
    }

    /**
     * Lets the reconcile of resource {@code uid} in {@code namespace} run, or says when to come back.
     *
     * @return empty when it may run (then {@link #leave} it), else how long to wait before trying again
     */
    synchronized Optional<Duration> enter(String namespace, String uid) {
        int now = running.getOrDefault(namespace, 0);
        Line line = lines.get(namespace);
        if (now < perNamespace) {
            running.put(namespace, now + 1);
            if (line != null && line.tickets.remove(uid) != null && line.tickets.isEmpty()) {
                lines.remove(namespace);
            }
            return Optional.empty();
        }
        if (line == null) {
            line = new Line();
            lines.put(namespace, line);
        }
        Line l = line;
        long ticket = l.tickets.computeIfAbsent(uid, u -> l.next++);
        long ahead = l.ahead(ticket);
        double seconds = (ahead + 1) / ratePerSecond * (EARLY + 0.1 * ThreadLocalRandom.current().nextDouble());
        Duration delay = Duration.ofNanos((long) (seconds * 1e9));
        return Optional.of(delay.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    /**
     * Runs {@code work} for resource {@code uid} of {@code namespace} if the namespace has a thread to spare, else
     * returns {@code later} of the time to come back.
     */
    <T> T run(String namespace, String uid, Supplier<T> work, Function<Duration, T> later) {
        Optional<Duration> wait = enter(namespace, uid);
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
        Line line = lines.get(namespace);
        if (line != null && line.tickets.remove(uid) != null && line.tickets.isEmpty()) {
            lines.remove(namespace);
        }
    }

    /** How many resources of {@code namespace} wait for their turn. */
    synchronized int deferred(String namespace) {
        Line line = lines.get(namespace);
        return line == null ? 0 : line.tickets.size();
    }
}
