package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Request of CreateCloudRecording: starts a recording robot in a room (trtc-api §3.1).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class CreateCloudRecordingRequest {

    @JsonProperty("SdkAppId")
    private Long sdkAppId;
    @JsonProperty("RoomId")
    private String roomId;
    @JsonProperty("UserId")
    private String userId;
    @JsonProperty("UserSig")
    private String userSig;
    @JsonProperty("RecordParams")
    private RecordParams recordParams;
    @JsonProperty("StorageParams")
    private StorageParams storageParams;
    @JsonProperty("RoomIdType")
    private Long roomIdType;
    @JsonProperty("MixTranscodeParams")
    private MixTranscodeParams mixTranscodeParams;
    @JsonProperty("MixLayoutParams")
    private MixLayoutParams mixLayoutParams;
    @JsonProperty("ResourceExpiredHour")
    private Long resourceExpiredHour;
    @JsonProperty("PrivateMapKey")
    private String privateMapKey;

    public Long getSdkAppId() {
        return sdkAppId;
    }

    public CreateCloudRecordingRequest setSdkAppId(Long sdkAppId) {
        this.sdkAppId = sdkAppId;
        return this;
    }

    public String getRoomId() {
        return roomId;
    }

    public CreateCloudRecordingRequest setRoomId(String roomId) {
        this.roomId = roomId;
        return this;
    }

    public String getUserId() {
        return userId;
    }

    public CreateCloudRecordingRequest setUserId(String userId) {
        this.userId = userId;
        return this;
    }

    public String getUserSig() {
        return userSig;
    }

    public CreateCloudRecordingRequest setUserSig(String userSig) {
        this.userSig = userSig;
        return this;
    }

    public RecordParams getRecordParams() {
        return recordParams;
    }

    public CreateCloudRecordingRequest setRecordParams(RecordParams recordParams) {
        this.recordParams = recordParams;
        return this;
    }

    public StorageParams getStorageParams() {
        return storageParams;
    }

    public CreateCloudRecordingRequest setStorageParams(StorageParams storageParams) {
        this.storageParams = storageParams;
        return this;
    }

    public Long getRoomIdType() {
        return roomIdType;
    }

    public CreateCloudRecordingRequest setRoomIdType(Long roomIdType) {
        this.roomIdType = roomIdType;
        return this;
    }

    public MixTranscodeParams getMixTranscodeParams() {
        return mixTranscodeParams;
    }

    public CreateCloudRecordingRequest setMixTranscodeParams(MixTranscodeParams mixTranscodeParams) {
        this.mixTranscodeParams = mixTranscodeParams;
        return this;
    }

    public MixLayoutParams getMixLayoutParams() {
        return mixLayoutParams;
    }

    public CreateCloudRecordingRequest setMixLayoutParams(MixLayoutParams mixLayoutParams) {
        this.mixLayoutParams = mixLayoutParams;
        return this;
    }

    public Long getResourceExpiredHour() {
        return resourceExpiredHour;
    }

    public CreateCloudRecordingRequest setResourceExpiredHour(Long resourceExpiredHour) {
        this.resourceExpiredHour = resourceExpiredHour;
        return this;
    }

    public String getPrivateMapKey() {
        return privateMapKey;
    }

    public CreateCloudRecordingRequest setPrivateMapKey(String privateMapKey) {
        this.privateMapKey = privateMapKey;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CreateCloudRecordingRequest other)) {
            return false;
        }
        return Objects.equals(sdkAppId, other.sdkAppId)
                && Objects.equals(roomId, other.roomId)
                && Objects.equals(userId, other.userId)
                && Objects.equals(userSig, other.userSig)
                && Objects.equals(recordParams, other.recordParams)
                && Objects.equals(storageParams, other.storageParams)
                && Objects.equals(roomIdType, other.roomIdType)
                && Objects.equals(mixTranscodeParams, other.mixTranscodeParams)
                && Objects.equals(mixLayoutParams, other.mixLayoutParams)
                && Objects.equals(resourceExpiredHour, other.resourceExpiredHour)
                && Objects.equals(privateMapKey, other.privateMapKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sdkAppId, roomId, userId, userSig, recordParams, storageParams, roomIdType, mixTranscodeParams, mixLayoutParams, resourceExpiredHour, privateMapKey);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "CreateCloudRecordingRequest{"
                + "SdkAppId=" + sdkAppId
                + ", RoomId=" + roomId
                + ", UserId=" + userId
                + ", UserSig=" + (userSig == null ? null : "<redacted>")
                + ", RecordParams=" + recordParams
                + ", StorageParams=" + storageParams
                + ", RoomIdType=" + roomIdType
                + ", MixTranscodeParams=" + mixTranscodeParams
                + ", MixLayoutParams=" + mixLayoutParams
                + ", ResourceExpiredHour=" + resourceExpiredHour
                + ", PrivateMapKey=" + (privateMapKey == null ? null : "<redacted>")
                + "}";
    }
}
