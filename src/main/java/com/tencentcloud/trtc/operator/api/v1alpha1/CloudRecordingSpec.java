package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * The recording a user asks for: the room, the robot that records it, how, and where the files go.
 * Field names are the camelCase of CreateCloudRecording's parameters; coded integers are enum names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CloudRecordingSpec {

    @Required
    @JsonPropertyDescription("SDKAppID of the TRTC application that owns the room; required; cannot change.")
    private Long sdkAppId;

    @Required
    @JsonPropertyDescription("The room to record; required; cannot change.")
    private String roomId;

    @JsonPropertyDescription("How clients name the room: String (code 0) or Integer (code 1, a 32-bit unsigned decimal); default Integer; cannot change.")
    private RoomIdType roomIdType;

    @JsonPropertyDescription("Region the API calls are sent to (X-TC-Region); default the operator's TRTC_REGION; cannot change.")
    private String region;

    @JsonPropertyDescription("Secret in this namespace with the Tencent Cloud API key (keys secretId, secretKey, optional token and sdkSecretKey); default the operator's own credentials; cannot change.")
    private LocalObjectReference credentialsSecretRef;

    @JsonPropertyDescription("The recording robot: its user id and how it signs in; default a derived user id and a UserSig minted from sdkSecretKey; cannot change.")
    private Recorder recorder;

    @Required
    @JsonPropertyDescription("What to record and how (RecordParams); required; only subscribeStreamUserIds can change.")
    private RecordParams recordParams;

    @Required
    @JsonPropertyDescription("Where the files go: exactly one of cloudStorage and cloudVod (StorageParams); required; cannot change.")
    private StorageParams storageParams;

    @JsonPropertyDescription("Output encoding of a mixed recording (MixTranscodeParams); default the API's 360x640 at 15 fps; cannot change.")
    private MixTranscodeParams mixTranscodeParams;

    @JsonPropertyDescription("Layout of a mixed recording (MixLayoutParams); default the API's floating layout; can change while recording.")
    private MixLayoutParams mixLayoutParams;

    @JsonPropertyDescription("Hours after creation during which the task can be queried, modified or stopped, 6 to 720; default 72; cannot change.")
    private Integer resourceExpiredHour;

    @JsonPropertyDescription("What deleting this resource does to the task: Delete stops it, Orphan leaves it running; default Delete; can change.")
    private DeletionPolicy deletionPolicy;

    public Long getSdkAppId() {
        return sdkAppId;
    }

    public void setSdkAppId(Long sdkAppId) {
        this.sdkAppId = sdkAppId;
    }

    public String getRoomId() {
        return roomId;
    }

    public void setRoomId(String roomId) {
        this.roomId = roomId;
    }

    public RoomIdType getRoomIdType() {
        return roomIdType;
    }

    public void setRoomIdType(RoomIdType roomIdType) {
        this.roomIdType = roomIdType;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public LocalObjectReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(LocalObjectReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public Recorder getRecorder() {
        return recorder;
    }

    public void setRecorder(Recorder recorder) {
        this.recorder = recorder;
    }

    public RecordParams getRecordParams() {
        return recordParams;
    }

    public void setRecordParams(RecordParams recordParams) {
        this.recordParams = recordParams;
    }

    public StorageParams getStorageParams() {
        return storageParams;
    }

    public void setStorageParams(StorageParams storageParams) {
        this.storageParams = storageParams;
    }

    public MixTranscodeParams getMixTranscodeParams() {
        return mixTranscodeParams;
    }

    public void setMixTranscodeParams(MixTranscodeParams mixTranscodeParams) {
        this.mixTranscodeParams = mixTranscodeParams;
    }

    public MixLayoutParams getMixLayoutParams() {
        return mixLayoutParams;
    }

    public void setMixLayoutParams(MixLayoutParams mixLayoutParams) {
        this.mixLayoutParams = mixLayoutParams;
    }

    public Integer getResourceExpiredHour() {
        return resourceExpiredHour;
    }

    public void setResourceExpiredHour(Integer resourceExpiredHour) {
        this.resourceExpiredHour = resourceExpiredHour;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }
}
