package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Answer of CreateCloudRecording.
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class CreateCloudRecordingResponse {

    @JsonProperty("TaskId")
    private String taskId;
    @JsonProperty("RequestId")
    private String requestId;

    public String getTaskId() {
        return taskId;
    }

    public CreateCloudRecordingResponse setTaskId(String taskId) {
        this.taskId = taskId;
        return this;
    }

    public String getRequestId() {
        return requestId;
    }

    public CreateCloudRecordingResponse setRequestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CreateCloudRecordingResponse other)) {
            return false;
        }
        return Objects.equals(taskId, other.taskId)
                && Objects.equals(requestId, other.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskId, requestId);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "CreateCloudRecordingResponse{"
                + "TaskId=" + taskId
                + ", RequestId=" + requestId
                + "}";
    }
}
