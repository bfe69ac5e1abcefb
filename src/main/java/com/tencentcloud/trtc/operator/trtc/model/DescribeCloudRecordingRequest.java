package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Request of DescribeCloudRecording (trtc-api §3.2).
 */
public record DescribeCloudRecordingRequest(
        @JsonProperty("SdkAppId") Long sdkAppId,
        @JsonProperty("TaskId") String taskId,
        @JsonProperty("RecorderKey") String recorderKey) {
}
