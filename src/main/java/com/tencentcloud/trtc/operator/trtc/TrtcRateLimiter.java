package com.tencentcloud.trtc.operator.trtc;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide TRTC request budget (design §4, trtc-api §3): per action, shared by every thread that calls
 * TRTC. A caller waits for its {@link Permit}; it is never refused.
 *
 * <p>Two rules, both per action, for a limit of {@code L} requests per second:
 * <ol>
 *   <li><b>Spacing</b> (a Bucket4j bucket holding one token, refilled greedily at {@code L}/s): permits are handed
 *       out one at a time, evenly spaced, in the order they were asked for, with no burst at start-up.</li>
 *   <li><b>Window</b>: the {@code N}-th permit after a call is not handed out before {@code W} has passed since that
 *       call's answer came back ({@code N = floor(L)}, {@code W = N / L} seconds, 1 s at 20/s, plus
 *       {@value #WINDOW_MARGIN_MILLIS} ms). Tencent counts a request when it arrives, which is before its answer
 *       comes back, so no sliding window of {@code W} at Tencent ever sees more than {@code N} of our requests,
 *       whatever the delays between a permit, the request leaving, and its arrival. This rule is written by hand
 *       because a token bucket can only count from the moment a permit is handed out, not from the answer.</li>
 * </ol>
 * So 1,000 calls of one action never take less than 50 s at the default 20/s, and take about 50 s plus 50 times the
 * call latency.
 *
 * <p><b>Slowing down.</b> {@link #throttled(String)} is called when Tencent still answers
 * {@code RequestLimitExceeded*}, which means another client shares the account's limit. The action's rate is then
 * halved (never below {@link #MIN_RATE} per second, or the configured limit if that is lower) and restored to the
 * configured limit once {@code slowDownFor} has passed without a further throttle.
 *
 * <p>Thread-safe. The time source and the way of waiting are injected so that tests can run on a fake clock.
 */
public final class TrtcRateLimiter {

    /** How long a slow-down lasts after the last {@code RequestLimitExceeded}. */
    public static final Duration DEFAULT_SLOW_DOWN = Duration.ofSeconds(30);
    /** The lowest rate a slow-down goes to, in requests per second. */
    public static final double MIN_RATE = 1;
    /** Added to each window, for clocks that count in whole milliseconds. */
    public static final long WINDOW_MARGIN_MILLIS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(TrtcRateLimiter.class);

    private final double limit;
    private final Duration slowDownFor;
    private final TimeMeter time;
    private final BlockingStrategy blocking;
    private final Map<String, ActionLimit> actions = new ConcurrentHashMap<>();

    /** One granted request: {@link #close()} it when the call's answer came back (or the call failed). */
    public interface Permit extends AutoCloseable {

        /** How long the caller waited for this permit. */
        Duration waited();

        /** The call is over; its window starts now. Idempotent. */
        @Override
        void close();
    }

    /** A limiter of {@code perSecond} requests per second per action on the system clock. */
    public TrtcRateLimiter(double perSecond) {
        this(perSecond, DEFAULT_SLOW_DOWN, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /**
     * @param perSecond   requests per second per action, above 0
     * @param slowDownFor how long a slow-down lasts after the last throttled answer
     * @param time        the time source of both rules
     * @param blocking    how a caller waits for a time to come
     */
    public TrtcRateLimiter(double perSecond, Duration slowDownFor, TimeMeter time, BlockingStrategy blocking) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be above 0, got " + perSecond);
        }
        this.limit = perSecond;
        this.slowDownFor = slowDownFor;
        this.time = time;
        this.blocking = blocking;
    }

    /** The configured requests per second per action. */
    public double limit() {
        return limit;
    }

    /**
     * Waits until a permit for {@code action} is granted, for the unnamed tenant.
     *
     * @throws InterruptedException if the thread was interrupted while waiting; it holds no permit then
     */
    public Permit acquire(String action) throws InterruptedException {
        return acquire(action, "");
    }

    /**
     * Waits until a permit for {@code action} is granted; callers waiting for the same action are served
     * round-robin across tenants, in arrival order within one tenant.
     *
     * @param tenant an opaque key of whom the call is for
     * @throws InterruptedException if the thread was interrupted while waiting; it holds no permit then
     */
    public Permit acquire(String action, String tenant) throws InterruptedException {
        ActionLimit a = actions.computeIfAbsent(action, ActionLimit::new);
        long start = time.currentTimeNanos();
        a.turns.enter(tenant);
        Slot slot;
        try {
            a.restoreIfDue(time.currentTimeNanos());
            a.bucket.asBlocking().consume(1, blocking);
            slot = a.takeSlot();
        } finally {
            a.turns.leave();
        }
        long waited = Math.max(0, time.currentTimeNanos() - start);
        return new Permit() {
            @Override
            public Duration waited() {
                return Duration.ofNanos(waited);
            }

            @Override
            public void close() {
                a.release(slot);
            }
        };
    }

    /** How many callers wait for a permit for {@code action}, besides the one whose turn it is. */
    public int waiting(String action) {
        return actions.computeIfAbsent(action, ActionLimit::new).turns.waiting();
    }

    /** At least how long a caller asking for {@code action} now would wait: those already waiting, at the current rate. */
    public Duration expectedWait(String action) {
        ActionLimit a = actions.computeIfAbsent(action, ActionLimit::new);
        int ahead = a.turns.waiting();
        return ahead == 0 ? Duration.ZERO : Duration.ofNanos((long) (ahead * 1e9 / a.rate()));
    }

    /** Tencent answered {@code RequestLimitExceeded*} for {@code action}: slow that action down for a while. */
    public void throttled(String action) {
        actions.computeIfAbsent(action, ActionLimit::new).slowDown(time.currentTimeNanos());
    }

    /** The rate {@code action} is currently limited to, in requests per second. */
    public double currentRate(String action) {
        ActionLimit a = actions.computeIfAbsent(action, ActionLimit::new);
        a.restoreIfDue(time.currentTimeNanos());
        return a.rate();
    }

    private static BucketConfiguration spacing(double perSecond) {
        long nanosPerPermit = Math.max(1, Math.round(1_000_000_000d / perSecond));
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(1).refillGreedy(1, Duration.ofNanos(nanosPerPermit)))
                .build();
    }

    private static final class Slot {
        private long freeAt = Long.MAX_VALUE;
        private boolean released;
    }

    private final class ActionLimit {

        private final String action;
        private final Bucket bucket;
        private final Deque<Slot> slots = new ArrayDeque<>();
        private final RoundRobinTurns turns = new RoundRobinTurns();
        private double rate;
        private int windowPermits;
        private long windowNanos;
        private long slowedUntil;
        private boolean slowed;

        ActionLimit(String action) {
            this.action = action;
            this.bucket = Bucket.builder().withCustomTimePrecision(time)
                    .addLimit(spacing(limit).getBandwidths()[0]).build();
            synchronized (this) {
                setRate(limit);
            }
        }

        synchronized double rate() {
            return rate;
        }

        Slot takeSlot() throws InterruptedException {
            while (true) {
                long waitNanos;
                synchronized (this) {
                    long now = time.currentTimeNanos();
                    Slot oldest = slots.peekFirst();
                    if (slots.size() < windowPermits) {
                        return add();
                    }
                    if (oldest.freeAt != Long.MAX_VALUE && now - oldest.freeAt >= 0) {
                        slots.pollFirst();
                        return add();
                    }
                    if (oldest.freeAt == Long.MAX_VALUE) {
                        wait();
                        continue;
                    }
                    waitNanos = oldest.freeAt - now;
                }
                blocking.park(waitNanos);
            }
        }

        private Slot add() {
            Slot slot = new Slot();
            slots.addLast(slot);
            return slot;
        }

        synchronized void release(Slot slot) {
            if (!slot.released) {
                slot.released = true;
                slot.freeAt = time.currentTimeNanos() + windowNanos;
                notifyAll();
            }
        }

        synchronized void slowDown(long now) {
            double lowered = Math.max(Math.min(MIN_RATE, limit), rate / 2);
            slowedUntil = now + slowDownFor.toNanos();
            slowed = true;
            if (lowered < rate) {
                setRate(lowered);
                LOG.warn("TRTC answered RequestLimitExceeded for {}: another client shares the account's limit;"
                        + " slowing {} to {}/s for {}s", action, action, rate, slowDownFor.toSeconds());
            }
        }

        synchronized void restoreIfDue(long now) {
            if (slowed && now - slowedUntil >= 0) {
                slowed = false;
                setRate(limit);
                LOG.info("No RequestLimitExceeded for {} in {}s: back to {}/s", action, slowDownFor.toSeconds(), rate);
            }
        }

        private void setRate(double perSecond) {
            rate = perSecond;
            windowPermits = (int) Math.max(1, Math.floor(perSecond));
            windowNanos = Math.round(windowPermits * 1_000_000_000d / perSecond) + WINDOW_MARGIN_MILLIS * 1_000_000;
            bucket.replaceConfiguration(spacing(perSecond), TokensInheritanceStrategy.AS_IS);
            notifyAll();
        }
    }
}
