package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PollBudgetTest {

    @ParameterizedTest(name = "{0} active recordings at {1}/s are described every {2}s")
    @CsvSource({"1,20,30", "10,20,30", "100,20,30", "300,20,30", "301,20,31", "1000,20,100", "1000,10,200", "5000,20,500"})
    void intervalStretchesSoDescribesStayWithinHalfTheRateLimit(int active, double rate, long seconds) {
        PollBudget budget = new PollBudget(Duration.ofSeconds(30), rate);
        Duration interval = budget.interval(active);
        assertThat(interval).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(active / (double) interval.toSeconds()).isLessThanOrEqualTo(rate / 2);
    }

    @Test
    void firstDescribesOfABurstAreSpreadOutAndReleasedTasksStopCounting() {
        PollBudget budget = new PollBudget(Duration.ofSeconds(30), 20);
        for (int i = 1; i <= 1000; i++) {
            Duration first = budget.firstDescribe("uid-" + i, Duration.ofSeconds(15));
            assertThat(first).isEqualTo(i <= 150 ? Duration.ofSeconds(15) : Duration.ofMillis(i * 100L));
        }
        for (int i = 1; i <= 990; i++) {
            budget.release("uid-" + i);
        }
        assertThat(budget.follow("uid-1000")).isEqualTo(Duration.ofSeconds(30));
    }
}
