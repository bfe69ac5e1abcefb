package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Answer of DescribeCloudRecording: the task status and its index files.
 */
public record DescribeCloudRecordingResponse(
        @JsonProperty("TaskId") String taskId,
        @JsonProperty("Status") String status,
        @JsonProperty("StorageFileList") List<StorageFile> storageFileList,
        @JsonProperty("RecorderKey") String recorderKey,
        @JsonProperty("RequestId") String requestId) {
}
