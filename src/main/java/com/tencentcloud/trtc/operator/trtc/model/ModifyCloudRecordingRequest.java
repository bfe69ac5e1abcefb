package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Request of ModifyCloudRecording: whole replacement of the layout and subscription lists (trtc-api §3.3).
 */
public record ModifyCloudRecordingRequest(
        @JsonProperty("SdkAppId") Long sdkAppId,
        @JsonProperty("TaskId") String taskId,
        @JsonProperty("MixLayoutParams") MixLayoutParams mixLayoutParams,
        @JsonProperty("SubscribeStreamUserIds") SubscribeStreamUserIds subscribeStreamUserIds) {
}
