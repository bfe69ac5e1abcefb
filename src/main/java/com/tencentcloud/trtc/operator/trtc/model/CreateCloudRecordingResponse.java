package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of CreateCloudRecording.
 */
public record CreateCloudRecordingResponse(
        @JsonProperty("TaskId") String taskId,
        @JsonProperty("RequestId") String requestId) {
}
