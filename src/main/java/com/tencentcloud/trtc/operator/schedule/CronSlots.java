package com.tencentcloud.trtc.operator.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The slots of a 5-field cron schedule in a time zone: the instants at which a child is due.
 *
 * <p>Parsing and matching are cron-utils' (its UNIX definition: minute, hour, day of month, month, day of week;
 * names such as {@code MON} and {@code JAN}; a restricted day of month and a restricted day of week match when
 * either does, as in Vixie cron and robfig/cron).
 *
 * <p><b>Daylight saving, decided to match a Kubernetes CronJob.</b> The CronJob controller computes its schedule with
 * robfig/cron v3, whose rule is: a slot is every instant whose wall-clock time in the zone matches the expression.
 * So a wall-clock time that the clocks skip (02:30 on a spring-forward day in Europe or America) has no instant and
 * does not run that day ("jobs scheduled during daylight-savings leap-ahead transitions will not be run"), and a
 * wall-clock time that happens twice (01:30 on a fall-back day in America) runs at both instants, an hour apart,
 * as two slots with two children. cron-utils run in the real zone differs (it runs a daily 01:30 only once on a
 * fall-back day), so this class runs cron-utils on the wall clock alone (a zone without transitions) and maps each
 * matching wall-clock time to the zero, one or two instants that have it. The search looks {@value #SHIFT_HOURS}
 * hours to either side of a wall-clock time, more than any daylight-saving shift; zones whose offset jumped by
 * more in one step (Pacific/Apia skipping a day in 2011) are only approximate around that jump.
 *
 * <p>As with robfig/cron, a schedule that has no slot within five years (such as {@code 0 0 30 2 *}) never fires.
 */
public final class CronSlots {

    static final int SHIFT_HOURS = 3;
    private static final Duration SHIFT = Duration.ofHours(SHIFT_HOURS);
    private static final int HORIZON_YEARS = 5;
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime wallClock;

    private CronSlots(String expression, ZoneId zone, ExecutionTime wallClock) {
        this.expression = expression;
        this.zone = zone;
        this.wallClock = wallClock;
    }

    /**
     * Reads {@code expression} in {@code timeZone} (an IANA name; null means UTC).
     *
     * @throws InvalidScheduleException naming what is wrong, for the Stalled condition
     */
    public static CronSlots parse(String expression, String timeZone) throws InvalidScheduleException {
        ZoneId zone = ZoneOffset.UTC;
        if (timeZone != null) {
            if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
                throw new InvalidScheduleException(InvalidScheduleException.REASON_TIME_ZONE,
                        "timeZone '" + timeZone + "' is not a time zone this operator knows (an IANA name such as Europe/Berlin)");
            }
            zone = ZoneId.of(timeZone);
        }
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException(InvalidScheduleException.REASON_SCHEDULE, "schedule is empty");
        }
        String trimmed = expression.trim().replaceAll("\\s+", " ");
        ExecutionTime executionTime;
        try {
            executionTime = ExecutionTime.forCron(PARSER.parse(trimmed).validate());
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(InvalidScheduleException.REASON_SCHEDULE,
                    "schedule '" + expression + "' cannot be used: " + e.getMessage());
        }
        return new CronSlots(trimmed, zone, executionTime);
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first slot strictly after {@code after}; empty when none comes within five years. */
    public Optional<Instant> next(Instant after) {
        LocalDateTime horizon = wall(after).plusYears(HORIZON_YEARS);
        ZonedDateTime cursor = wall(after).minus(SHIFT).atZone(ZoneOffset.UTC);
        Instant best = null;
        LocalDateTime bestWall = null;
        while (true) {
            Optional<ZonedDateTime> candidate = wallClock.nextExecution(cursor);
            if (candidate.isEmpty()) {
                break;
            }
            LocalDateTime local = candidate.get().toLocalDateTime();
            if (local.isAfter(horizon) || (bestWall != null && local.isAfter(bestWall.plus(SHIFT)))) {
                break;
            }
            for (ZoneOffset offset : zone.getRules().getValidOffsets(local)) {
                Instant instant = local.toInstant(offset);
                if (instant.isAfter(after) && (best == null || instant.isBefore(best))) {
                    best = instant;
                    bestWall = local;
                }
            }
            cursor = candidate.get();
        }
        return Optional.ofNullable(best);
    }

    /** The latest slot in {@code (after, atOrBefore]}; empty when there is none. */
    public Optional<Instant> latest(Instant after, Instant atOrBefore) {
        if (!atOrBefore.isAfter(after)) {
            return Optional.empty();
        }
        LocalDateTime floor = wall(after).minus(SHIFT);
        ZonedDateTime cursor = wall(atOrBefore).plus(SHIFT).plusMinutes(1).atZone(ZoneOffset.UTC);
        Instant best = null;
        LocalDateTime bestWall = null;
        while (true) {
            Optional<ZonedDateTime> candidate = wallClock.lastExecution(cursor);
            if (candidate.isEmpty()) {
                break;
            }
            LocalDateTime local = candidate.get().toLocalDateTime();
            if (local.isBefore(floor) || (bestWall != null && local.isBefore(bestWall.minus(SHIFT)))) {
                break;
            }
            for (ZoneOffset offset : zone.getRules().getValidOffsets(local)) {
                Instant instant = local.toInstant(offset);
                if (instant.isAfter(after) && !instant.isAfter(atOrBefore) && (best == null || instant.isAfter(best))) {
                    best = instant;
                    bestWall = local;
                }
            }
            cursor = candidate.get();
        }
        return Optional.ofNullable(best);
    }

    private LocalDateTime wall(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
