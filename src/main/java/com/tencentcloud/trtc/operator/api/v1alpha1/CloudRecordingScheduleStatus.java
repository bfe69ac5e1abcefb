package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed of a schedule and its children. Written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CloudRecordingScheduleStatus {

    @JsonPropertyDescription("The slot of the latest child this schedule started (RFC 3339, UTC).")
    private String lastScheduleTime;

    @JsonPropertyDescription("The next slot at which a child will be started, absent while suspended or stalled (RFC 3339, UTC).")
    private String nextScheduleTime;

    @JsonPropertyDescription("Names of the children that have not finished (phase neither Stopped, Expired nor Failed), oldest first.")
    private List<String> active;

    @JsonPropertyDescription("The metadata.generation that the operator last acted on.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready (the schedule is in use, or suspended) and Stalled (the schedule, zone or template cannot be used, with the reason), each with its own observedGeneration.")
    private List<Condition> conditions = new ArrayList<>();

    public String getLastScheduleTime() {
        return lastScheduleTime;
    }

    public void setLastScheduleTime(String lastScheduleTime) {
        this.lastScheduleTime = lastScheduleTime;
    }

    public String getNextScheduleTime() {
        return nextScheduleTime;
    }

    public void setNextScheduleTime(String nextScheduleTime) {
        this.nextScheduleTime = nextScheduleTime;
    }

    public List<String> getActive() {
        return active;
    }

    public void setActive(List<String> active) {
        this.active = active;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
