package com.tencentcloud.trtc.operator.schedule;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingScheduleStatus;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Every change the operator makes to a CloudRecordingSchedule's status, each as a named transition. Each returns a
 * new status from the schedule's current one; {@code observedGeneration} and the conditions carry the generation
 * acted on.
 *
 * <p>{@code Ready} is True while the schedule is in use (reason {@value #REASON_SCHEDULING}) or suspended (reason
 * {@value #REASON_SUSPENDED}: nothing is wrong, it was asked to wait), and False only when {@code Stalled} is True:
 * a schedule, zone or template that cannot be used (reasons of {@link InvalidScheduleException}).
 */
public final class ScheduleStatusTransitions {

    public static final String REASON_SCHEDULING = "Scheduling";
    public static final String REASON_SUSPENDED = "Suspended";

    private final Clock clock;

    public ScheduleStatusTransitions(Clock clock) {
        this.clock = clock;
    }

    /** In use: the latest slot started, the next one, and the live children. */
    public CloudRecordingScheduleStatus scheduling(CloudRecordingSchedule s, Instant last, Instant next, List<String> active) {
        CloudRecordingScheduleStatus status = base(s, last, active);
        status.setNextScheduleTime(next.toString());
        return conditions(s, status, Conditions.TRUE, REASON_SCHEDULING, "Next slot at " + next, Conditions.FALSE,
                Conditions.REASON_NOT_STALLED, "The schedule, time zone and template can be used");
    }

    /** {@code spec.suspend} is true: no slot starts. */
    public CloudRecordingScheduleStatus suspended(CloudRecordingSchedule s, Instant last, List<String> active) {
        CloudRecordingScheduleStatus status = base(s, last, active);
        return conditions(s, status, Conditions.TRUE, REASON_SUSPENDED,
                "spec.suspend is true: no slot starts (live children go on); slots missed meanwhile count as missed",
                Conditions.FALSE, Conditions.REASON_NOT_STALLED, "The schedule is suspended");
    }

    /** The schedule, its zone or its template cannot be used; retried when the spec changes. */
    public CloudRecordingScheduleStatus stalled(CloudRecordingSchedule s, Instant last, List<String> active,
                                                String reason, String message) {
        CloudRecordingScheduleStatus status = base(s, last, active);
        return conditions(s, status, Conditions.FALSE, reason, message, Conditions.TRUE, reason, message);
    }

    private static CloudRecordingScheduleStatus base(CloudRecordingSchedule s, Instant last, List<String> active) {
        CloudRecordingScheduleStatus from = s.getStatus() == null ? new CloudRecordingScheduleStatus() : s.getStatus();
        CloudRecordingScheduleStatus status = new CloudRecordingScheduleStatus();
        status.setLastScheduleTime(last == null ? null : last.toString());
        status.setActive(active.isEmpty() ? null : List.copyOf(active));
        status.setObservedGeneration(s.getMetadata().getGeneration());
        status.setConditions(from.getConditions() == null ? List.of() : List.copyOf(from.getConditions()));
        return status;
    }

    private CloudRecordingScheduleStatus conditions(CloudRecordingSchedule s, CloudRecordingScheduleStatus status,
                                                    String ready, String readyReason, String readyMessage,
                                                    String stalled, String stalledReason, String stalledMessage) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Long generation = s.getMetadata().getGeneration();
        status.setConditions(Conditions.set(status.getConditions(), Conditions.READY, ready, readyReason, readyMessage, generation, now));
        status.setConditions(Conditions.set(status.getConditions(), Conditions.STALLED, stalled, stalledReason, stalledMessage, generation, now));
        return status;
    }
}
