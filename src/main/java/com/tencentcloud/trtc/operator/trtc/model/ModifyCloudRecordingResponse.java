package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of ModifyCloudRecording.
 */
public record ModifyCloudRecordingResponse(
        @JsonProperty("TaskId") String taskId,
        @JsonProperty("RequestId") String requestId) {
}
