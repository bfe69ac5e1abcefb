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
}
