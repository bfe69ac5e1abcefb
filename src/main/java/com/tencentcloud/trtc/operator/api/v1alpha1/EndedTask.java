package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A task of this recording that has ended, as {@code status.taskHistory} lists it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EndedTask {

    @JsonPropertyDescription("The TaskId of the ended task.")
    private String taskId;

    @JsonPropertyDescription("When CreateCloudRecording returned this TaskId (RFC 3339, UTC).")
    private String createdAt;

    @JsonPropertyDescription("When the operator learned that the task ended (RFC 3339, UTC).")
    private String endedAt;

    @JsonPropertyDescription("Why it ended: a reason named after the callback's LeaveCode (RoomTimeout, IdleTimeout…), StartFailed (301 with Status 1), or Ended when only DescribeCloudRecording saw it gone.")
    private String reason;

    public EndedTask() {
    }

    public EndedTask(String taskId, String createdAt, String endedAt, String reason) {
        this.taskId = taskId;
        this.createdAt = createdAt;
        this.endedAt = endedAt;
        this.reason = reason;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(String endedAt) {
        this.endedAt = endedAt;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
