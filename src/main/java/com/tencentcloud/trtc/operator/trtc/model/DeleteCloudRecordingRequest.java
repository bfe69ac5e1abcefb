package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Request of DeleteCloudRecording: stops a task (trtc-api §3.4).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class DeleteCloudRecordingRequest {

    @JsonProperty("SdkAppId")
    private Long sdkAppId;
    @JsonProperty("TaskId")
    private String taskId;

    public Long getSdkAppId() {
        return sdkAppId;
    }

    public DeleteCloudRecordingRequest setSdkAppId(Long sdkAppId) {
        this.sdkAppId = sdkAppId;
        return this;
    }

    public String getTaskId() {
        return taskId;
    }

    public DeleteCloudRecordingRequest setTaskId(String taskId) {
        this.taskId = taskId;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeleteCloudRecordingRequest other)) {
            return false;
        }
        return Objects.equals(sdkAppId, other.sdkAppId)
                && Objects.equals(taskId, other.taskId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sdkAppId, taskId);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "DeleteCloudRecordingRequest{"
                + "SdkAppId=" + sdkAppId
                + ", TaskId=" + taskId
                + "}";
    }
}
