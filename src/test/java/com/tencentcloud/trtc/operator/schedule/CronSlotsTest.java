package com.tencentcloud.trtc.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Slots across zones and daylight saving, against the behaviour of a Kubernetes CronJob (robfig/cron v3): a
 * wall-clock time the clocks skip does not run that day, one that happens twice runs twice.
 */
class CronSlotsTest {

    @Test
    void weekdaySlotsInUtcSkipTheWeekend() throws Exception {
        CronSlots slots = CronSlots.parse("0 9 * * 1-5", null);

        assertThat(slots.next(Instant.parse("2026-11-27T10:00:00Z"))).contains(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "'0 9 * * *', Asia/Shanghai,    2026-12-01T00:00:00Z, 2026-12-01T01:00:00Z",
            "'0 9 * * *', America/New_York, 2026-12-01T00:00:00Z, 2026-12-01T14:00:00Z",
            "'0 9 * * *', America/New_York, 2026-07-01T00:00:00Z, 2026-07-01T13:00:00Z",
            "'0 9 * * *', Asia/Kolkata,     2026-12-01T00:00:00Z, 2026-12-01T03:30:00Z",
            "'0 9 * * *', UTC,              2026-12-01T00:00:00Z, 2026-12-01T09:00:00Z",
            "'30 8 * * MON', Europe/Berlin, 2026-11-27T00:00:00Z, 2026-11-30T07:30:00Z"})
    void aWallClockTimeIsReadInTheScheduleZone(String cron, String zone, String from, String expected) throws Exception {
        assertThat(CronSlots.parse(cron, zone).next(Instant.parse(from))).contains(Instant.parse(expected));
    }

    @Test
    void aSlotInTheHourTheClocksSkipDoesNotRunThatDay() throws Exception {
        CronSlots newYork = CronSlots.parse("30 2 * * *", "America/New_York");
        CronSlots berlin = CronSlots.parse("30 2 * * *", "Europe/Berlin");

        // 2026-03-08: New York goes from 02:00 EST to 03:00 EDT; 02:30 does not exist.
        assertThat(slots(newYork, "2026-03-07T12:00:00Z", 2))
                .containsExactly(Instant.parse("2026-03-09T06:30:00Z"), Instant.parse("2026-03-10T06:30:00Z"));
        // 2026-03-29: Berlin goes from 02:00 CET to 03:00 CEST.
        assertThat(slots(berlin, "2026-03-28T12:00:00Z", 1)).containsExactly(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void aSlotInTheHourThatHappensTwiceRunsTwiceAnHourApart() throws Exception {
        CronSlots slots = CronSlots.parse("30 1 * * *", "America/New_York");

        // 2026-11-01: New York goes from 02:00 EDT back to 01:00 EST; 01:30 happens at 05:30Z and at 06:30Z.
        assertThat(slots(slots, "2026-10-31T12:00:00Z", 3)).containsExactly(
                Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T06:30:00Z"),
                Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void anHourlyScheduleRunsTwiceInTheRepeatedHourAndSkipsTheMissingOne() throws Exception {
        CronSlots slots = CronSlots.parse("0 * * * *", "America/New_York");

        assertThat(slots(slots, "2026-11-01T04:30:00Z", 3)).containsExactly(
                Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T06:00:00Z"),
                Instant.parse("2026-11-01T07:00:00Z"));
        assertThat(slots(slots, "2026-03-08T05:30:00Z", 2)).as("01:00 EST, then 03:00 EDT")
                .containsExactly(Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void theLatestSlotOfAnIntervalIsFoundWithoutWalkingEverySlot() throws Exception {
        CronSlots quarterly = CronSlots.parse("*/15 * * * *", null);
        CronSlots fallBack = CronSlots.parse("30 1 * * *", "America/New_York");

        assertThat(quarterly.latest(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:50:00Z")))
                .contains(Instant.parse("2026-12-01T10:45:00Z"));
        assertThat(quarterly.latest(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-01T10:45:00Z")))
                .as("the end is included").contains(Instant.parse("2026-12-01T10:45:00Z"));
        assertThat(quarterly.latest(Instant.parse("2026-12-01T10:45:00Z"), Instant.parse("2026-12-01T10:59:00Z")))
                .as("the start is not").isEmpty();
        assertThat(fallBack.latest(Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T07:00:00Z")))
                .as("the second 01:30").contains(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(fallBack.latest(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T06:29:00Z"))).isEmpty();
    }

    @Test
    void daysOfMonthAndOfWeekMatchWhenEitherDoesAsInCron() throws Exception {
        CronSlots slots = CronSlots.parse("0 0 1,15 * SUN", null);

        assertThat(slots(slots, "2026-11-27T12:00:00Z", 3)).as("Sunday the 29th, Tuesday the 1st, Sunday the 6th")
                .containsExactly(Instant.parse("2026-11-29T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2026-12-06T00:00:00Z"));
    }

    @Test
    void aScheduleThatNeverComesHasNoNextSlot() throws Exception {
        assertThat(CronSlots.parse("0 0 30 2 *", null).next(Instant.parse("2026-12-01T00:00:00Z"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'61 * * * *', InvalidSchedule, Value 61 not in range [0, 59]",
            "'0 25 * * *', InvalidSchedule, Value 25 not in range [0, 23]",
            "'0 9 * * FUN', InvalidSchedule, cannot be used",
            "'0 9 * *', InvalidSchedule, 4 parts"})
    void aScheduleOutOfRangeIsRefusedWithTheReason(String cron, String reason, String message) {
        assertThatThrownBy(() -> CronSlots.parse(cron, null))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    @Test
    void anUnknownZoneIsRefusedWithTheReason() {
        assertThatThrownBy(() -> CronSlots.parse("0 9 * * *", "Mars/Olympus_Mons"))
                .isInstanceOfSatisfying(InvalidScheduleException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidScheduleException.REASON_TIME_ZONE))
                .hasMessageContaining("Mars/Olympus_Mons");
    }

    private static List<Instant> slots(CronSlots slots, String from, int count) {
        List<Instant> result = new ArrayList<>();
        Instant cursor = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            cursor = slots.next(cursor).orElseThrow();
            result.add(cursor);
        }
        return result;
    }
}
