package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Request of ModifyCloudRecording: whole replacement of the layout and subscription lists (trtc-api §3.3).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class ModifyCloudRecordingRequest {

    @JsonProperty("SdkAppId")
    private Long sdkAppId;
    @JsonProperty("TaskId")
    private String taskId;
    @JsonProperty("MixLayoutParams")
    private MixLayoutParams mixLayoutParams;
    @JsonProperty("SubscribeStreamUserIds")
    private SubscribeStreamUserIds subscribeStreamUserIds;

    public Long getSdkAppId() {
        return sdkAppId;
    }

    public ModifyCloudRecordingRequest setSdkAppId(Long sdkAppId) {
        this.sdkAppId = sdkAppId;
        return this;
    }

    public String getTaskId() {
        return taskId;
    }

    public ModifyCloudRecordingRequest setTaskId(String taskId) {
        this.taskId = taskId;
        return this;
    }

    public MixLayoutParams getMixLayoutParams() {
        return mixLayoutParams;
    }

    public ModifyCloudRecordingRequest setMixLayoutParams(MixLayoutParams mixLayoutParams) {
        this.mixLayoutParams = mixLayoutParams;
        return this;
    }

    public SubscribeStreamUserIds getSubscribeStreamUserIds() {
        return subscribeStreamUserIds;
    }

    public ModifyCloudRecordingRequest setSubscribeStreamUserIds(SubscribeStreamUserIds subscribeStreamUserIds) {
        this.subscribeStreamUserIds = subscribeStreamUserIds;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ModifyCloudRecordingRequest other)) {
            return false;
        }
        return Objects.equals(sdkAppId, other.sdkAppId)
                && Objects.equals(taskId, other.taskId)
                && Objects.equals(mixLayoutParams, other.mixLayoutParams)
                && Objects.equals(subscribeStreamUserIds, other.subscribeStreamUserIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sdkAppId, taskId, mixLayoutParams, subscribeStreamUserIds);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "ModifyCloudRecordingRequest{"
                + "SdkAppId=" + sdkAppId
                + ", TaskId=" + taskId
                + ", MixLayoutParams=" + mixLayoutParams
                + ", SubscribeStreamUserIds=" + subscribeStreamUserIds
                + "}";
    }
}
