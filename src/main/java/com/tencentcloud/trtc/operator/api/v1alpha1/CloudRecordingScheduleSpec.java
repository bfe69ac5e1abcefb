package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * When to start a recording and which one: a 5-field cron schedule in a time zone, and the CloudRecording template.
 * The fields and their defaults are a CronJob's, so that what Kubernetes users know about CronJobs holds here.
 *
 * <p>Every field can change; a change applies from the next slot on and never alters a child that already exists.
 * The API server refuses at apply time what the schema can tell: a schedule that is not five fields of cron
 * characters, a time zone that is not shaped like an IANA name, a template that would not be a valid CloudRecording,
 * and {@code Allow} together with a fixed recorder user id. What only the operator can tell (a field value out of
 * range, such as minute 61; an unknown zone; a schedule that never fires) is reported as {@code Stalled}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.concurrencyPolicy) || self.concurrencyPolicy != 'Allow' || !has(self.template) || !has(self.template.spec) || !has(self.template.spec.recorder) || !has(self.template.spec.recorder.userId)",
        message = "concurrencyPolicy Allow lets children overlap, and two robots with one user id end each other's task: remove template.spec.recorder.userId (each child then gets its own, derived from its name)",
        fieldPath = ".template.spec.recorder.userId")
public class CloudRecordingScheduleSpec {

    /** Five cron fields of digits, names and {@code * , - /}; the operator checks the ranges. */
    public static final String SCHEDULE_RULE = "self.matches('^[0-9*,/-]+ +[0-9*,/-]+ +[0-9*,/-]+ +[0-9A-Za-z*,/-]+ +[0-9A-Za-z*,/-]+$')";
    /** An IANA zone name's shape; the operator checks the zone exists. */
    public static final String TIME_ZONE_RULE = "self.matches('^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$') && !self.matches('^(?i)local$')";

    @Required
    @Size(min = 9, max = 128)
    @ValidationRule(value = SCHEDULE_RULE,
            message = "schedule must be five cron fields separated by spaces: minute hour day-of-month month day-of-week, such as '0 9 * * 1-5' (no @hourly, no CRON_TZ= prefix: use timeZone)")
    @JsonPropertyDescription("When to start a recording, as five cron fields: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or JAN-DEC), day of week (0-7 or SUN-SAT, 0 and 7 are Sunday), with * , - and /; read in timeZone; required; can change (from the next slot on).")
    private String schedule;

    @Size(min = 1, max = 64)
    @ValidationRule(value = TIME_ZONE_RULE,
            message = "timeZone must be an IANA time zone name such as Europe/Berlin, America/New_York or UTC (Local is not allowed)")
    @JsonPropertyDescription("IANA time zone the schedule is read in, such as Asia/Shanghai; daylight saving is handled as a CronJob does (a slot in the skipped hour does not run, a slot in the repeated hour runs twice); default UTC; can change (from the next slot on).")
    private String timeZone;

    @Required
    @JsonPropertyDescription("The CloudRecording started at every slot, named <schedule name>-<slot as minutes since 1970-01-01 UTC> and owned by this schedule; required; can change (applies to children started after the change).")
    private CloudRecordingTemplate template;

    @JsonPropertyDescription("What a slot does while an earlier child is still live: Forbid skips the slot (an Event says so), Replace deletes the live children first (their tasks are stopped unless their deletionPolicy is Orphan), Allow starts the new child beside them; default Forbid; can change.")
    private ConcurrencyPolicy concurrencyPolicy;

    @Min(10)
    @JsonPropertyDescription("How late, in seconds, a slot may still start (after an operator outage, while suspended, or while Forbid held it); only the latest missed slot is ever started, never a burst; at least 10; default no limit (the latest missed slot starts however late); can change.")
    private Long startingDeadlineSeconds;

    @Min(0)
    @JsonPropertyDescription("How many finished children (phase Stopped or Expired) to keep; older ones are deleted, which makes no TRTC call; default 3; can change.")
    private Integer successfulHistoryLimit;

    @Min(0)
    @JsonPropertyDescription("How many failed children (phase Failed) to keep; older ones are deleted; default 1; can change.")
    private Integer failedHistoryLimit;

    @JsonPropertyDescription("true starts no new child (running ones go on); slots missed while suspended count as missed, see startingDeadlineSeconds; default false; can change.")
    private Boolean suspend;

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public CloudRecordingTemplate getTemplate() {
        return template;
    }

    public void setTemplate(CloudRecordingTemplate template) {
        this.template = template;
    }

    public ConcurrencyPolicy getConcurrencyPolicy() {
        return concurrencyPolicy;
    }

    public void setConcurrencyPolicy(ConcurrencyPolicy concurrencyPolicy) {
        this.concurrencyPolicy = concurrencyPolicy;
    }

    public Long getStartingDeadlineSeconds() {
        return startingDeadlineSeconds;
    }

    public void setStartingDeadlineSeconds(Long startingDeadlineSeconds) {
        this.startingDeadlineSeconds = startingDeadlineSeconds;
    }

    public Integer getSuccessfulHistoryLimit() {
        return successfulHistoryLimit;
    }

    public void setSuccessfulHistoryLimit(Integer successfulHistoryLimit) {
        this.successfulHistoryLimit = successfulHistoryLimit;
    }

    public Integer getFailedHistoryLimit() {
        return failedHistoryLimit;
    }

    public void setFailedHistoryLimit(Integer failedHistoryLimit) {
        this.failedHistoryLimit = failedHistoryLimit;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }
}
