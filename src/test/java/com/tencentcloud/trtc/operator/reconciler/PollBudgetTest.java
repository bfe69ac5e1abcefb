package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
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

    @Test
    void twoAccountsEachKeepTheirOwnTasksWithinHalfTheirOwnRate() {
        PollBudget budget = new PollBudget(Duration.ofSeconds(30), 20);
        Optional<Pace> a = Optional.of(new Pace("AKIDaccountA", 20));
        Optional<Pace> b = Optional.of(new Pace("AKIDaccountB", 100));
        Duration lastOfA = Duration.ZERO;
        Duration lastOfB = Duration.ZERO;
        for (int i = 1; i <= 600; i++) {
            lastOfA = budget.firstDescribe("a-" + i, Duration.ofSeconds(15), a);
            lastOfB = budget.firstDescribe("b-" + i, Duration.ofSeconds(15), b);
        }
        assertThat(lastOfA).as("600 of account a at 10 describes/s, not counting account b's").isEqualTo(Duration.ofSeconds(60));
        assertThat(lastOfB).as("600 of account b at its own 50 describes/s").isEqualTo(Duration.ofSeconds(15));
        assertThat(budget.follow("a-1", a)).isEqualTo(Duration.ofSeconds(60));
        assertThat(budget.follow("default-1")).as("the default budget counts none of them").isEqualTo(Duration.ofSeconds(30));
        for (int i = 1; i <= 600; i++) {
            budget.release("a-" + i);
        }
        assertThat(budget.follow("b-1", b)).isEqualTo(Duration.ofSeconds(30));
        assertThat(budget.follow("b-1", a)).as("moved to account a, where it is alone").isEqualTo(Duration.ofSeconds(30));
        assertThat(budget.follow("b-2", b)).as("599 left in account b, at 50/s: the poll interval").isEqualTo(Duration.ofSeconds(30));
    }
}
