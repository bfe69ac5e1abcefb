package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of DeleteCloudRecording.
 */
public record DeleteCloudRecordingResponse(
        @JsonProperty("TaskId") String taskId,
        @JsonProperty("RequestId") String requestId) {
}
