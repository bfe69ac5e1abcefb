package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PollBudgetTest {

    @ParameterizedTest(name = "{0} active recordings at {1}/s are described every {2} ms")
    @CsvSource({"1,20,30000", "10,20,30000", "100,20,30000", "300,20,30000", "301,20,30100", "1000,20,100000",
            "1000,10,200000", "5000,20,500000"})
    void intervalStretchesSoDescribesStayWithinHalfTheRateLimit(int active, double rate, long millis) {
        PollBudget budget = new PollBudget(Duration.ofSeconds(30), rate);
        Duration interval = budget.interval(active);
        assertThat(interval).isEqualTo(Duration.ofMillis(millis));
        assertThat(active * 1000.0 / interval.toMillis()).isLessThanOrEqualTo(rate / 2);
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
