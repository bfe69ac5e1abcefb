package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Request of DescribeCloudRecording (trtc-api §3.2).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class DescribeCloudRecordingRequest {

    @JsonProperty("SdkAppId")
    private Long sdkAppId;
    @JsonProperty("TaskId")
    private String taskId;
    @JsonProperty("RecorderKey")
    private String recorderKey;

    public Long getSdkAppId() {
        return sdkAppId;
    }

    public DescribeCloudRecordingRequest setSdkAppId(Long sdkAppId) {
        this.sdkAppId = sdkAppId;
        return this;
    }

    public String getTaskId() {
        return taskId;
    }

    public DescribeCloudRecordingRequest setTaskId(String taskId) {
        this.taskId = taskId;
        return this;
    }

    public String getRecorderKey() {
        return recorderKey;
    }

    public DescribeCloudRecordingRequest setRecorderKey(String recorderKey) {
        this.recorderKey = recorderKey;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DescribeCloudRecordingRequest other)) {
            return false;
        }
        return Objects.equals(sdkAppId, other.sdkAppId)
                && Objects.equals(taskId, other.taskId)
                && Objects.equals(recorderKey, other.recorderKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sdkAppId, taskId, recorderKey);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "DescribeCloudRecordingRequest{"
                + "SdkAppId=" + sdkAppId
                + ", TaskId=" + taskId
                + ", RecorderKey=" + recorderKey
                + "}";
    }
}
