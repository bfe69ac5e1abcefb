package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrtcRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock that only moves when a caller waits, by exactly the wait. */
    static final class FakeTime implements TimeMeter, BlockingStrategy {
        final AtomicLong now = new AtomicLong(1_000 * SECOND);

        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public void park(long nanos) {
            now.addAndGet(nanos);
        }

        void advance(Duration d) {
            now.addAndGet(d.toNanos());
        }
    }

    @Test
    void thousandConcurrentAcquisitionsNeverExceedTheLimitInAnySlidingSecond() throws Exception {
        double limit = 20;
        int permits = 1_000;
        TrtcRateLimiter limiter = new TrtcRateLimiter(limit);
        long[] granted = new long[permits];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(300);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < permits; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                try (TrtcRateLimiter.Permit permit = limiter.acquire("CreateCloudRecording")) {
                    granted[next.getAndIncrement()] = System.nanoTime();
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        Arrays.sort(granted);
        double seconds = (granted[permits - 1] - start) / 1e9;
        int busiest = 0;
        for (int i = 0, j = 0; i < permits; i++) {
            while (granted[i] - granted[j] >= SECOND) {
                j++;
            }
            busiest = Math.max(busiest, i - j + 1);
        }
        System.out.printf("%d permits at %.0f/s: %.1f s (floor %.1f s), busiest sliding second %d%n",
                permits, limit, seconds, permits / limit, busiest);
        assertThat(busiest).isLessThanOrEqualTo((int) limit);
        assertThat(seconds).isGreaterThanOrEqualTo((permits - limit) / limit);
    }

    @Test
    void permitsAreEvenlySpacedAndTheFirstIsImmediate() throws Exception {
        FakeTime time = new FakeTime();
        TrtcRateLimiter limiter = new TrtcRateLimiter(20, Duration.ofSeconds(30), time, time);

        assertThat(take(limiter, "DescribeCloudRecording")).isZero();
        assertThat(take(limiter, "DescribeCloudRecording")).isEqualTo(SECOND / 20);
        assertThat(take(limiter, "CreateCloudRecording")).as("each action has its own limit").isZero();
    }

    @Test
    void theLimitPlusFirstPermitWaitsAWindowAfterTheFirstAnswerCameBack() throws Exception {
        FakeTime time = new FakeTime();
        TrtcRateLimiter limiter = new TrtcRateLimiter(20, Duration.ofSeconds(30), time, time);
        long start = time.currentTimeNanos();
        TrtcRateLimiter.Permit first = limiter.acquire("CreateCloudRecording");
        time.advance(Duration.ofMillis(100));
        long firstAnswered = time.currentTimeNanos();
        first.close();
        for (int i = 1; i < 20; i++) {
            take(limiter, "CreateCloudRecording");
        }
        assertThat(time.currentTimeNanos() - start).as("the twentieth permit, by spacing alone").isEqualTo(SECOND);

        take(limiter, "CreateCloudRecording");
        assertThat(time.currentTimeNanos()).isEqualTo(firstAnswered + SECOND + TrtcRateLimiter.WINDOW_MARGIN_MILLIS * 1_000_000);
    }

    @Test
    void aCallStillInFlightHoldsItsPlaceInTheWindow() throws Exception {
        FakeTime time = new FakeTime();
        TrtcRateLimiter limiter = new TrtcRateLimiter(1, Duration.ofSeconds(30), time, time);
        TrtcRateLimiter.Permit inFlight = limiter.acquire("DeleteCloudRecording");
        CountDownLatch second = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire("DeleteCloudRecording").close();
                second.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        assertThat(second.await(300, TimeUnit.MILLISECONDS)).isFalse();

        long answered = time.currentTimeNanos();
        inFlight.close();
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(time.currentTimeNanos()).isEqualTo(answered + SECOND + TrtcRateLimiter.WINDOW_MARGIN_MILLIS * 1_000_000);
    }

    @Test
    void throttledAnswerHalvesTheRateUntilTheSlowDownHasPassed() throws Exception {
        FakeTime time = new FakeTime();
        TrtcRateLimiter limiter = new TrtcRateLimiter(20, Duration.ofSeconds(30), time, time);
        take(limiter, "CreateCloudRecording");

        limiter.throttled("CreateCloudRecording");
        assertThat(limiter.currentRate("CreateCloudRecording")).isEqualTo(10);
        take(limiter, "CreateCloudRecording");
        assertThat(take(limiter, "CreateCloudRecording")).isEqualTo(SECOND / 10);
        assertThat(limiter.currentRate("DescribeCloudRecording")).as("other actions keep their rate").isEqualTo(20);

        for (int i = 0; i < 4; i++) {
            limiter.throttled("CreateCloudRecording");
        }
        assertThat(limiter.currentRate("CreateCloudRecording")).isEqualTo(TrtcRateLimiter.MIN_RATE);

        time.advance(Duration.ofSeconds(29));
        assertThat(limiter.currentRate("CreateCloudRecording")).isEqualTo(TrtcRateLimiter.MIN_RATE);
        time.advance(Duration.ofSeconds(2));
        assertThat(limiter.currentRate("CreateCloudRecording")).isEqualTo(20);
        take(limiter, "CreateCloudRecording");
        assertThat(take(limiter, "CreateCloudRecording")).isEqualTo(SECOND / 20);
    }

    @Test
    void aLimitBelowOneIsNeverRaisedBySlowingDown() {
        FakeTime time = new FakeTime();
        TrtcRateLimiter limiter = new TrtcRateLimiter(0.5, Duration.ofSeconds(30), time, time);
        limiter.throttled("CreateCloudRecording");
        assertThat(limiter.currentRate("CreateCloudRecording")).isEqualTo(0.5);
    }

    @Test
    void aQuietTenantWaitsBehindAtMostOnePermitOfABurstingTenant() throws Exception {
        FakeTime time = new FakeTime();
        TrtcRateLimiter limiter = new TrtcRateLimiter(2, Duration.ofSeconds(30), time, time);
        String action = "CreateCloudRecording";
        TrtcRateLimiter.Permit first = limiter.acquire(action, "burst");
        TrtcRateLimiter.Permit second = limiter.acquire(action, "burst");
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.Semaphore handBack = new java.util.concurrent.Semaphore(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        java.util.function.Function<String, Future<?>> caller = tenant -> pool.submit(() -> {
            try (TrtcRateLimiter.Permit p = limiter.acquire(action, tenant)) {
                order.add(tenant);
                handBack.acquire();
            }
            return null;
        });
        for (int i = 0; i < 6; i++) {
            futures.add(caller.apply("burst"));
            int queued = i;
            org.awaitility.Awaitility.await().until(() -> limiter.waiting(action) == queued);
        }
        futures.add(caller.apply("quiet"));
        org.awaitility.Awaitility.await().until(() -> limiter.waiting(action) == 6);

        first.close();
        org.awaitility.Awaitility.await().until(() -> order.size() == 1);
        second.close();
        for (int granted = 2; granted < 7; granted++) {
            int next = granted;
            org.awaitility.Awaitility.await().until(() -> order.size() == next);
            handBack.release();
        }
        handBack.release(2);
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(order).containsExactly("burst", "burst", "quiet", "burst", "burst", "burst", "burst");
    }

    @Test
    void expectedWaitCountsThoseWaitingAtTheCurrentRate() throws Exception {
        FakeTime time = new FakeTime();
        TrtcRateLimiter limiter = new TrtcRateLimiter(2, Duration.ofSeconds(30), time, time);
        String action = "DescribeCloudRecording";
        assertThat(limiter.expectedWait(action)).isZero();
        TrtcRateLimiter.Permit first = limiter.acquire(action);
        TrtcRateLimiter.Permit second = limiter.acquire(action);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(pool.submit(() -> {
                limiter.acquire(action).close();
                return null;
            }));
        }
        org.awaitility.Awaitility.await().until(() -> limiter.waiting(action) == 3);
        assertThat(limiter.expectedWait(action)).as("three waiting at 2/s").isEqualTo(Duration.ofMillis(1500));
        assertThat(limiter.expectedWait("CreateCloudRecording")).as("other actions wait for nobody").isZero();
        first.close();
        second.close();
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(limiter.expectedWait(action)).isZero();
    }

    @Test
    void tenantsTakeTurnsWhileBothHaveCallersWaiting() throws Exception {
        RoundRobinTurns turns = new RoundRobinTurns();
        turns.enter("a");
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        String[] arrivals = {"a", "a", "a", "b", "b", "c"};
        for (int i = 0; i < arrivals.length; i++) {
            String tenant = arrivals[i];
            futures.add(pool.submit(() -> {
                turns.enter(tenant);
                order.add(tenant);
                turns.leave();
                return null;
            }));
            int queued = i + 1;
            org.awaitility.Awaitility.await().until(() -> turns.waiting() == queued);
        }
        turns.leave();
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(order).containsExactly("a", "b", "c", "a", "b", "a");
    }

    private static long take(TrtcRateLimiter limiter, String action) throws InterruptedException {
        try (TrtcRateLimiter.Permit permit = limiter.acquire(action)) {
            return permit.waited().toNanos();
        }
    }
}
