package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespaceShareTest {

    @Test
    void oneNamespaceNeverHoldsEveryReconcileThread() {
        NamespaceShare share = new NamespaceShare(20, 20);
        for (int i = 0; i < share.perNamespace(); i++) {
            assertThat(share.enter("burst", "b" + i)).isEmpty();
        }
        assertThat(share.perNamespace()).isEqualTo(15);
        assertThat(share.enter("burst", "b-next")).isPresent();
        assertThat(share.enter("quiet", "q")).as("another namespace still gets a thread").isEmpty();
    }

    @Test
    void aReconcileDueNowMayUseTheThreadsKeptForOtherNamespacesButOne() {
        NamespaceShare share = new NamespaceShare(20, 20);
        for (int i = 0; i < share.perNamespace(); i++) {
            assertThat(share.enter("burst", "b" + i)).isEmpty();
        }
        assertThat(share.enter("burst", "waiting", Optional::empty, () -> false)).as("a reconcile not due waits").isPresent();
        assertThat(share.duePerNamespace()).isEqualTo(19);
        for (int i = 0; i < 4; i++) {
            assertThat(share.enter("burst", "due" + i, Optional::empty, () -> true)).as("due " + i).isEmpty();
        }
        assertThat(share.enter("burst", "due4", Optional::empty, () -> true)).as("one thread is always left to others").isPresent();
        assertThat(share.enter("quiet", "q")).as("another namespace still gets a thread").isEmpty();
        assertThat(share.deferred("burst")).isEqualTo(2);
    }

    @Test
    void withOneThreadAReconcileDueNowWaitsLikeAnyOther() {
        NamespaceShare share = new NamespaceShare(1, 20);
        assertThat(share.enter("ns", "a")).isEmpty();
        assertThat(share.duePerNamespace()).isEqualTo(1);
        assertThat(share.enter("ns", "due", Optional::empty, () -> true)).isPresent();
    }

    @Test
    void deferredResourcesComeBackInTheOrderTheyQueuedAtAboutTheRateLimit() {
        NamespaceShare share = new NamespaceShare(4, 20);
        for (int i = 0; i < share.perNamespace(); i++) {
            share.enter("burst", "running-" + i);
        }
        Duration first = share.enter("burst", "w0").orElseThrow();
        Duration tenth = Duration.ZERO;
        for (int i = 1; i < 40; i++) {
            Duration d = share.enter("burst", "w" + i).orElseThrow();
            if (i == 9) {
                tenth = d;
            }
        }
        Duration last = share.enter("burst", "w39").orElseThrow();
        assertThat(first).isEqualTo(NamespaceShare.MIN_DELAY);
        assertThat(tenth).as("10th in line, at 20/s, a little early").isBetween(Duration.ofMillis(400), Duration.ofMillis(450));
        assertThat(last).as("40th in line, at 20/s, a little early").isBetween(Duration.ofMillis(1600), Duration.ofMillis(1800));
        assertThat(share.deferred("burst")).isEqualTo(40);
    }

    @Test
    void aResourceLetInLeavesTheLineAndTheLineMovesUp() {
        NamespaceShare share = new NamespaceShare(2, 10);
        share.enter("burst", "running");
        share.enter("burst", "w0");
        share.enter("burst", "w1");
        Duration before = share.enter("burst", "w2").orElseThrow();
        share.leave("burst");
        assertThat(share.enter("burst", "w0")).isEmpty();
        share.forget("burst", "w1");
        Duration after = share.enter("burst", "w2").orElseThrow();
        assertThat(after).isLessThan(before);
        assertThat(share.deferred("burst")).isEqualTo(1);
    }

    @Test
    void thoseLetInOutOfTurnNoLongerStandAheadOfAnyone() {
        NamespaceShare share = new NamespaceShare(4, 20);
        for (int i = 0; i < share.perNamespace(); i++) {
            share.enter("burst", "running-" + i);
        }
        for (int i = 0; i < 10; i++) {
            share.enter("burst", "w" + i);
        }
        for (int i = 5; i < 9; i++) {
            share.leave("burst");
            assertThat(share.enter("burst", "w" + i)).as("w" + i + " gets the free thread").isEmpty();
        }
        Duration w9 = share.enter("burst", "w9").orElseThrow();
        assertThat(w9).as("five ahead (w0 to w4), at 20/s, a little early").isBetween(Duration.ofMillis(240), Duration.ofMillis(270));
        assertThat(share.deferred("burst")).isEqualTo(6);
    }

    @Test
    void workRunsOnlyWhenLetInAndAlwaysLeaves() {
        NamespaceShare share = new NamespaceShare(2, 20);
        assertThat(share.perNamespace()).isEqualTo(1);
        String inner = share.run("ns", "a", () -> share.run("ns", "b", () -> "ran", wait -> "later"), wait -> "outer later");
        assertThat(inner).isEqualTo("later");
        assertThat(share.run("ns", "b", () -> "ran", wait -> "later")).isEqualTo("ran");
        Optional<Duration> none = share.enter("ns", "c");
        assertThat(none).isEmpty();
    }

    private static final Pace ACCOUNT_A = new Pace("AKIDaccountA", 20);
    private static final Pace ACCOUNT_B = new Pace("AKIDaccountB", 20);

    /** Fills the namespace's threads, then queues {@code count} resources of {@code pace}; returns the last one's delay. */
    private static Duration queue(NamespaceShare share, String namespace, String prefix, int count, Pace pace) {
        Duration last = Duration.ZERO;
        for (int i = 0; i < count; i++) {
            last = share.enter(namespace, prefix + i, () -> Optional.of(pace)).orElseThrow();
        }
        return last;
    }

    private static void fill(NamespaceShare share, String namespace) {
        for (int i = 0; i < share.perNamespace(); i++) {
            assertThat(share.enter(namespace, namespace + "-running-" + i)).isEmpty();
        }
    }

    @Test
    void twoAccountsInOneNamespaceWaitInLinesOfTheirOwnEachAtItsOwnRate() {
        NamespaceShare share = new NamespaceShare(4, 20);
        fill(share, "burst");
        queue(share, "burst", "a", 40, ACCOUNT_A);
        Duration lastOfB = queue(share, "burst", "b", 40, ACCOUNT_B);
        assertThat(lastOfB).as("40th of account b: its own 40 permits at its 20/s, not behind account a's 40")
                .isBetween(Duration.ofMillis(1600), Duration.ofMillis(1800));
        assertThat(share.deferred("burst")).isEqualTo(80);
    }

    @Test
    void anAccountsLineIsPacedAtTheAccountsRateNotTheOperatorDefault() {
        NamespaceShare share = new NamespaceShare(4, 20);
        fill(share, "fast");
        fill(share, "slow");
        Duration fast = queue(share, "fast", "f", 40, new Pace("AKIDfast", 100));
        Duration slow = queue(share, "slow", "s", 40, new Pace("AKIDslow", 5));
        assertThat(fast).as("40th at 100/s").isBetween(Duration.ofMillis(320), Duration.ofMillis(360));
        assertThat(slow).as("40th at 5/s").isBetween(Duration.ofMillis(6400), Duration.ofMillis(7200));
    }

    @Test
    void namespacesOfOneAccountShareItsRateRoundRobinAndOtherAccountsDoNotCount() {
        NamespaceShare share = new NamespaceShare(4, 20);
        for (String namespace : java.util.List.of("one", "two", "other")) {
            fill(share, namespace);
        }
        queue(share, "one", "o", 40, ACCOUNT_A);
        queue(share, "other", "x", 40, ACCOUNT_B);
        Duration tenthOfTwo = queue(share, "two", "t", 10, ACCOUNT_A);
        assertThat(tenthOfTwo).as("10th of namespace two: 10 turns of its own and 10 of namespace one, at 20/s")
                .isBetween(Duration.ofMillis(800), Duration.ofMillis(900));
    }

    @Test
    void aResourceWhoseAccountChangedMovesToTheOtherAccountsLine() {
        NamespaceShare share = new NamespaceShare(4, 20);
        fill(share, "burst");
        queue(share, "burst", "a", 40, ACCOUNT_A);
        Duration moved = share.enter("burst", "a39", () -> Optional.of(new Pace("AKIDaccountB", 2))).orElseThrow();
        assertThat(moved).as("first in account b's line, at its 2/s").isBetween(Duration.ofMillis(400), Duration.ofMillis(450));
        assertThat(share.deferred("burst")).isEqualTo(40);
        share.forget("burst", "a39");
        assertThat(share.deferred("burst")).isEqualTo(39);
    }
}
