package com.tencentcloud.trtc.operator.trtc;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide TRTC request budget (design §4, trtc-api §3): one Bucket4j token bucket per action, shared by
 * every thread that calls TRTC. A caller waits for its permit; it is never refused.
 *
 * <p><b>Spacing.</b> Each bucket holds one token and refills it greedily, so permits are handed out one at a time,
 * evenly spaced, in the order they were asked for, with no burst at start-up. The spacing is
 * {@code 1 / (limit * }{@value #HEADROOM}{@code )} seconds: the 5% headroom absorbs the jitter between a permit
 * and the request's arrival at Tencent (up to about 50 ms over 20 requests), so that a sliding one-second window at
 * Tencent never sees {@code limit + 1} requests. At the default 20/s, 1,000 calls of one action take about 52.5 s,
 * and never less than 50 s.
 *
 * <p><b>Slowing down.</b> {@link #throttled(String)} is called when Tencent still answers
 * {@code RequestLimitExceeded*}, which means another client shares the account's limit. The action's rate is then
 * halved (never below {@link #MIN_RATE} per second, or the configured limit if that is lower) and restored to the
 * configured limit once {@code slowDownFor} has passed without a further throttle.
 *
 * <p>Thread-safe. The time source and the way of waiting are injected so that tests can run on a fake clock.
 */
public final class TrtcRateLimiter {

    /** Share of the configured limit actually used; see the class comment. */
    public static final double HEADROOM = 0.95;
    /** How long a slow-down lasts after the last {@code RequestLimitExceeded}. */
    public static final Duration DEFAULT_SLOW_DOWN = Duration.ofSeconds(30);
    /** The lowest rate a slow-down goes to, in requests per second. */
    public static final double MIN_RATE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(TrtcRateLimiter.class);

    private final double limit;
    private final Duration slowDownFor;
    private final TimeMeter time;
    private final BlockingStrategy blocking;
    private final Map<String, ActionBucket> buckets = new ConcurrentHashMap<>();

    /** A limiter of {@code perSecond} requests per second per action on the system clock. */
    public TrtcRateLimiter(double perSecond) {
        this(perSecond, DEFAULT_SLOW_DOWN, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /**
     * @param perSecond   requests per second per action, above 0
     * @param slowDownFor how long a slow-down lasts after the last throttled answer
     * @param time        the time source of the buckets
     * @param blocking    how a caller waits for its permit
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
     * Waits until a permit for {@code action} is granted.
     *
     * @return how long the caller waited
     * @throws InterruptedException if the thread was interrupted while waiting; no permit was taken for it then
     */
    public Duration acquire(String action) throws InterruptedException {
        ActionBucket bucket = bucket(action);
        long start = time.currentTimeNanos();
        bucket.restoreIfDue(start);
        bucket.bucket.asBlocking().consume(1, blocking);
        return Duration.ofNanos(Math.max(0, time.currentTimeNanos() - start));
    }

    /** Tencent answered {@code RequestLimitExceeded*} for {@code action}: slow that action down for a while. */
    public void throttled(String action) {
        bucket(action).slowDown(time.currentTimeNanos());
    }

    /** The rate {@code action} is currently limited to, in requests per second (before the headroom). */
    public double currentRate(String action) {
        ActionBucket bucket = bucket(action);
        bucket.restoreIfDue(time.currentTimeNanos());
        return bucket.rate();
    }

    private ActionBucket bucket(String action) {
        return buckets.computeIfAbsent(action, ActionBucket::new);
    }

    private static BucketConfiguration configuration(double perSecond) {
        long nanosPerPermit = Math.max(1, Math.round(1_000_000_000d / (perSecond * HEADROOM)));
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(1).refillGreedy(1, Duration.ofNanos(nanosPerPermit)))
                .build();
    }

    private final class ActionBucket {

        private final String action;
        private final Bucket bucket;
        private double rate;
        private long slowedUntil;
        private boolean slowed;

        ActionBucket(String action) {
            this.action = action;
            this.rate = limit;
            this.bucket = Bucket.builder().withCustomTimePrecision(time)
                    .addLimit(configuration(limit).getBandwidths()[0]).build();
        }

        synchronized double rate() {
            return rate;
        }

        synchronized void slowDown(long now) {
            double lowered = Math.max(Math.min(MIN_RATE, limit), rate / 2);
            slowedUntil = now + slowDownFor.toNanos();
            slowed = true;
            if (lowered < rate) {
                rate = lowered;
                bucket.replaceConfiguration(configuration(rate), TokensInheritanceStrategy.AS_IS);
                LOG.warn("TRTC answered RequestLimitExceeded for {}: another client shares the account's limit;"
                        + " slowing {} to {}/s for {}s", action, action, rate, slowDownFor.toSeconds());
            }
        }

        synchronized void restoreIfDue(long now) {
            if (slowed && now - slowedUntil >= 0) {
                slowed = false;
                rate = limit;
                bucket.replaceConfiguration(configuration(rate), TokensInheritanceStrategy.AS_IS);
                LOG.info("No RequestLimitExceeded for {} in {}s: back to {}/s", action, slowDownFor.toSeconds(), rate);
            }
        }
    }
}
