package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Request of DeleteCloudRecording: stops a task (trtc-api §3.4).
 */
public record DeleteCloudRecordingRequest(
        @JsonProperty("SdkAppId") Long sdkAppId,
        @JsonProperty("TaskId") String taskId) {
}
