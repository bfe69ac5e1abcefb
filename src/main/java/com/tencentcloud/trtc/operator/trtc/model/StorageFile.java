package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One recording index file reported by DescribeCloudRecording (trtc-api §4.14).
 */
public record StorageFile(
        @JsonProperty("UserId") String userId,
        @JsonProperty("FileName") String fileName,
        @JsonProperty("TrackType") String trackType,
        @JsonProperty("BeginTimeStamp") Long beginTimeStamp) {
}
