package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Answer of DeleteCloudRecording.
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class DeleteCloudRecordingResponse {

    @JsonProperty("TaskId")
    private String taskId;
    @JsonProperty("RequestId")
    private String requestId;

    public String getTaskId() {
        return taskId;
    }

    public DeleteCloudRecordingResponse setTaskId(String taskId) {
        this.taskId = taskId;
        return this;
    }

    public String getRequestId() {
        return requestId;
    }

    public DeleteCloudRecordingResponse setRequestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeleteCloudRecordingResponse other)) {
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
        return "DeleteCloudRecordingResponse{"
                + "TaskId=" + taskId
                + ", RequestId=" + requestId
                + "}";
    }
}
