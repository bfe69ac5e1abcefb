package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The recording a user asks for: the room, the robot that records it, how, and where the files go.
 * Field names are the camelCase of CreateCloudRecording's parameters; coded integers are enum names.
 *
 * <p>The API server enforces the contract at apply time: the schema holds the types, enums, ranges and patterns,
 * and the CEL rules on this type hold the room-id rule and immutability. Every field that ModifyCloudRecording
 * cannot change is immutable here (a change, an addition or a removal is refused); only
 * {@code recordParams.subscribeStreamUserIds}, {@code mixLayoutParams} and {@code deletionPolicy} can change.
 * No field has a schema default: defaults are resolved in code, so that GitOps tools see no drift.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Room ids: a 32-bit unsigned decimal for Integer rooms (the default), the TRTC charset for String rooms.
@ValidationRule(value = "!has(self.roomId) || (has(self.roomIdType) && self.roomIdType == 'String') || (self.roomId.matches('^[1-9][0-9]{0,9}$') && int(self.roomId) <= 4294967294)",
        message = "roomId must be a decimal integer from 1 to 4294967294 when roomIdType is Integer (the default); set roomIdType: String for a string room id",
        fieldPath = ".roomId")
@ValidationRule(value = "!has(self.roomId) || !has(self.roomIdType) || self.roomIdType != 'String' || self.roomId.matches('^[A-Za-z0-9 !#$%&()+:;<=.>?@\\\\[\\\\]^_{}|~,-]{1,64}$')",
        message = "with roomIdType String, roomId must be 1 to 64 characters from letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,",
        fieldPath = ".roomId")
// VOD audio-only formats need an audio-only recording.
@ValidationRule(value = "!has(self.storageParams) || !has(self.storageParams.cloudVod) || !has(self.storageParams.cloudVod.tencentVod) || !has(self.storageParams.cloudVod.tencentVod.mediaType) || !(self.storageParams.cloudVod.tencentVod.mediaType in ['AAC', 'HLSAndAAC']) || (has(self.recordParams) && has(self.recordParams.streamType) && self.recordParams.streamType == 'AudioOnly')",
        message = "tencentVod.mediaType AAC and HLSAndAAC need recordParams.streamType AudioOnly",
        fieldPath = ".storageParams.cloudVod.tencentVod.mediaType")
// Immutability: everything ModifyCloudRecording cannot change; for optional fields adding and removing count too.
@ValidationRule(value = "self.sdkAppId == oldSelf.sdkAppId",
        message = "sdkAppId cannot change; create a new CloudRecording instead",
        fieldPath = ".sdkAppId")
@ValidationRule(value = "self.roomId == oldSelf.roomId",
        message = "roomId cannot change; create a new CloudRecording instead",
        fieldPath = ".roomId")
@ValidationRule(value = "has(self.roomIdType) == has(oldSelf.roomIdType) && (!has(self.roomIdType) || self.roomIdType == oldSelf.roomIdType)",
        message = "roomIdType cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".roomIdType")
@ValidationRule(value = "has(self.region) == has(oldSelf.region) && (!has(self.region) || self.region == oldSelf.region)",
        message = "region cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".region")
@ValidationRule(value = "has(self.credentialsSecretRef) == has(oldSelf.credentialsSecretRef) && (!has(self.credentialsSecretRef) || self.credentialsSecretRef == oldSelf.credentialsSecretRef)",
        message = "credentialsSecretRef cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".credentialsSecretRef")
@ValidationRule(value = "has(self.recorder) == has(oldSelf.recorder) && (!has(self.recorder) || self.recorder == oldSelf.recorder)",
        message = "recorder cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recorder")
@ValidationRule(value = "self.recordParams.recordMode == oldSelf.recordParams.recordMode",
        message = "recordParams.recordMode cannot change; create a new CloudRecording instead",
        fieldPath = ".recordParams.recordMode")
@ValidationRule(value = "has(self.recordParams.maxIdleTime) == has(oldSelf.recordParams.maxIdleTime) && (!has(self.recordParams.maxIdleTime) || self.recordParams.maxIdleTime == oldSelf.recordParams.maxIdleTime)",
        message = "recordParams.maxIdleTime cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recordParams.maxIdleTime")
@ValidationRule(value = "has(self.recordParams.streamType) == has(oldSelf.recordParams.streamType) && (!has(self.recordParams.streamType) || self.recordParams.streamType == oldSelf.recordParams.streamType)",
        message = "recordParams.streamType cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recordParams.streamType")
@ValidationRule(value = "has(self.recordParams.outputFormat) == has(oldSelf.recordParams.outputFormat) && (!has(self.recordParams.outputFormat) || self.recordParams.outputFormat == oldSelf.recordParams.outputFormat)",
        message = "recordParams.outputFormat cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recordParams.outputFormat")
@ValidationRule(value = "has(self.recordParams.avMerge) == has(oldSelf.recordParams.avMerge) && (!has(self.recordParams.avMerge) || self.recordParams.avMerge == oldSelf.recordParams.avMerge)",
        message = "recordParams.avMerge cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recordParams.avMerge")
@ValidationRule(value = "has(self.recordParams.maxMediaFileDuration) == has(oldSelf.recordParams.maxMediaFileDuration) && (!has(self.recordParams.maxMediaFileDuration) || self.recordParams.maxMediaFileDuration == oldSelf.recordParams.maxMediaFileDuration)",
        message = "recordParams.maxMediaFileDuration cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recordParams.maxMediaFileDuration")
@ValidationRule(value = "has(self.recordParams.mediaId) == has(oldSelf.recordParams.mediaId) && (!has(self.recordParams.mediaId) || self.recordParams.mediaId == oldSelf.recordParams.mediaId)",
        message = "recordParams.mediaId cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recordParams.mediaId")
@ValidationRule(value = "has(self.recordParams.fillType) == has(oldSelf.recordParams.fillType) && (!has(self.recordParams.fillType) || self.recordParams.fillType == oldSelf.recordParams.fillType)",
        message = "recordParams.fillType cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recordParams.fillType")
@ValidationRule(value = "has(self.recordParams.subscribeAbility) == has(oldSelf.recordParams.subscribeAbility) && (!has(self.recordParams.subscribeAbility) || self.recordParams.subscribeAbility == oldSelf.recordParams.subscribeAbility)",
        message = "recordParams.subscribeAbility cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".recordParams.subscribeAbility")
@ValidationRule(value = "self.storageParams == oldSelf.storageParams",
        message = "storageParams cannot change; create a new CloudRecording instead",
        fieldPath = ".storageParams")
@ValidationRule(value = "has(self.mixTranscodeParams) == has(oldSelf.mixTranscodeParams) && (!has(self.mixTranscodeParams) || self.mixTranscodeParams == oldSelf.mixTranscodeParams)",
        message = "mixTranscodeParams cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".mixTranscodeParams")
@ValidationRule(value = "has(self.resourceExpiredHour) == has(oldSelf.resourceExpiredHour) && (!has(self.resourceExpiredHour) || self.resourceExpiredHour == oldSelf.resourceExpiredHour)",
        message = "resourceExpiredHour cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".resourceExpiredHour")
// Modify can replace a layout but cannot return to the API's own one.
@ValidationRule(value = "!has(oldSelf.mixLayoutParams) || has(self.mixLayoutParams)",
        message = "mixLayoutParams cannot be removed once set (ModifyCloudRecording can only replace a layout); change it instead",
        fieldPath = ".mixLayoutParams")
public class CloudRecordingSpec {

    @Required
    @Min(1)
    @JsonPropertyDescription("SDKAppID of the TRTC application that owns the room, at least 1 (SdkAppId); required; cannot change.")
    private Long sdkAppId;

    @Required
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("The room to record (RoomId): with roomIdType Integer a decimal from 1 to 4294967294, with String at most 64 characters of letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,; required; cannot change.")
    private String roomId;

    @JsonPropertyDescription("How clients name the room (RoomIdType): String (0) or Integer (1, a 32-bit unsigned decimal); default Integer, always sent explicitly; cannot change.")
    private RoomIdType roomIdType;

    @Size(max = 32)
    @ValidationRule(value = "self in ['ap-beijing', 'ap-guangzhou', 'ap-shanghai', 'ap-singapore']",
            message = "region must be one of ap-beijing, ap-guangzhou, ap-shanghai, ap-singapore")
    @JsonPropertyDescription("Region the API calls are sent to (X-TC-Region): ap-beijing, ap-guangzhou, ap-shanghai or ap-singapore; default the operator's TRTC_REGION; cannot change.")
    private String region;

    @JsonPropertyDescription("Secret in this namespace with the Tencent Cloud API key (keys secretId, secretKey, optional token and sdkSecretKey); default the operator's own credentials; cannot change.")
    private LocalObjectReference credentialsSecretRef;

    @JsonPropertyDescription("The recording robot: its user id and how it signs in; default a derived user id and a UserSig minted from sdkSecretKey; cannot change.")
    private Recorder recorder;

    @Required
    @JsonPropertyDescription("What to record and how (RecordParams); required; only subscribeStreamUserIds can change, every other field is fixed.")
    private RecordParams recordParams;

    @Required
    @JsonPropertyDescription("Where the files go: exactly one of cloudStorage and cloudVod (StorageParams); required; cannot change.")
    private StorageParams storageParams;

    @JsonPropertyDescription("Output encoding of a mixed recording (MixTranscodeParams); default the API's 360x640 at 15 fps; cannot change.")
    private MixTranscodeParams mixTranscodeParams;

    @JsonPropertyDescription("Layout of a mixed recording (MixLayoutParams); default the API's own layout; can change while recording (sent whole with ModifyCloudRecording) but cannot be removed once set.")
    private MixLayoutParams mixLayoutParams;

    @Min(6)
    @Max(720)
    @JsonPropertyDescription("Hours after creation during which the task can be queried, modified or stopped, 6 to 720 (ResourceExpiredHour); default 72, always sent explicitly; cannot change.")
    private Integer resourceExpiredHour;

    @JsonPropertyDescription("What deleting this resource does to the task: Delete stops it with DeleteCloudRecording, Orphan leaves it running; operator-side only, no API code; default Delete; can change.")
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
