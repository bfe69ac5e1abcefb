package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @RepeatedTest(20)
    void delaysDoubleWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
        long[] ceilings = {5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000};
        for (long ceiling : ceilings) {
            assertThat(backoff.next("r").toMillis()).isBetween(ceiling * 3 / 4, ceiling);
        }
        assertThat(backoff.failures("r")).isEqualTo(ceilings.length);
    }

    @Test
    void successStartsTheCountAgainAndResourcesAreCountedApart() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
        backoff.next("a");
        backoff.next("a");
        backoff.next("b");
        backoff.reset("a");
        assertThat(backoff.failures("a")).isZero();
        assertThat(backoff.failures("b")).isEqualTo(1);
        assertThat(backoff.next("a").toMillis()).isBetween(3_750L, 5_000L);
    }

    @Test
    void manyFailuresNeverOverflowPastTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next("r")).isLessThanOrEqualTo(Duration.ofMinutes(5)).isPositive();
        }
    }
}
