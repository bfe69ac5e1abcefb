package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Request of CreateCloudRecording: starts a recording robot in a room (trtc-api §3.1).
 */
public record CreateCloudRecordingRequest(
        @JsonProperty("SdkAppId") Long sdkAppId,
        @JsonProperty("RoomId") String roomId,
        @JsonProperty("UserId") String userId,
        @JsonProperty("UserSig") String userSig,
        @JsonProperty("RecordParams") RecordParams recordParams,
        @JsonProperty("StorageParams") StorageParams storageParams,
        @JsonProperty("RoomIdType") Long roomIdType,
        @JsonProperty("MixTranscodeParams") MixTranscodeParams mixTranscodeParams,
        @JsonProperty("MixLayoutParams") MixLayoutParams mixLayoutParams,
        @JsonProperty("ResourceExpiredHour") Long resourceExpiredHour,
        @JsonProperty("PrivateMapKey") String privateMapKey) {

    /** Field values for diagnostics, with privateMapKey and userSig redacted. */
    @Override
    public String toString() {
        return "CreateCloudRecordingRequest[sdkAppId=" + sdkAppId
                + ", roomId=" + roomId
                + ", userId=" + userId
                + ", userSig=" + (userSig == null ? null : "<redacted>")
                + ", recordParams=" + recordParams
                + ", storageParams=" + storageParams
                + ", roomIdType=" + roomIdType
                + ", mixTranscodeParams=" + mixTranscodeParams
                + ", mixLayoutParams=" + mixLayoutParams
                + ", resourceExpiredHour=" + resourceExpiredHour
                + ", privateMapKey=" + (privateMapKey == null ? null : "<redacted>") + "]";
    }
}
