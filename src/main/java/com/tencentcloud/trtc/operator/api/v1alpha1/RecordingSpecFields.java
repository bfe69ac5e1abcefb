package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The fields of a recording's spec, shared by {@link CloudRecordingSpec} (a CloudRecording's, with immutability
 * rules) and {@link CloudRecordingTemplateSpec} (a schedule's template, which can change). The class-level CEL rules
 * live on those two types: the CRD generator reads a type's rules together with its supertypes', so this one has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class RecordingSpecFields {

    /** Go-style durations of hours, minutes and seconds ({@code 90m}, {@code 1h30m}), which CEL's duration() reads too. */
    public static final String MAX_DURATION_PATTERN = "^([0-9]{1,6}h)?([0-9]{1,6}m)?([0-9]{1,8}s)?$";

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

    @JsonPropertyDescription("The TrtcAccount whose credentials, region, rate limit and quota this recording uses, instead of credentialsSecretRef (at most one of the two); default none, the operator's own credentials; cannot change.")
    private AccountReference accountRef;

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

    @Pattern(MAX_DURATION_PATTERN)
    @Size(min = 2, max = 24)
    @JsonPropertyDescription("Longest the recording may run: DeleteCloudRecording is sent that long after the task was created (phase Stopped, reason MaxDurationReached), written as hours, minutes and seconds such as 90m or 1h30m; at least 1m and shorter than resourceExpiredHour; default none (the task runs until the room is idle for maxIdleTime); cannot change.")
    private String maxDuration;

    @JsonPropertyDescription("What deleting this resource does to the task: Delete stops it with DeleteCloudRecording, Orphan leaves it running; operator-side only, no API code; default Delete; can change.")
    private DeletionPolicy deletionPolicy;

    @Min(0)
    @Max(315360000)
    @JsonPropertyDescription("Seconds after the recording finished (phase Stopped, Expired or Failed) that the operator deletes this resource, its files first listed in an Event and a log line, as a Job's ttlSecondsAfterFinished; 0 deletes at once, at most 315360000 (ten years); operator-side only, no API code; default none (kept until deleted); can change.")
    private Integer ttlSecondsAfterFinished;

    @JsonPropertyDescription("Whether a task that the service ends by fault (callback 302 with LeaveCode 100, or 301 with Status 1) is replaced by a new one: OnFailure or Never; operator-side only, needs recording callbacks; default OnFailure; can change.")
    private RestartPolicy restartPolicy;

    @Min(0)
    @Max(20)
    @JsonPropertyDescription("How many times a failed task is replaced before the recording is Failed (reason BackoffLimitExceeded), 0 to 20; default 6; can change.")
    private Integer backoffLimit;

    @Min(-1000)
    @Max(1000)
    @JsonPropertyDescription("Place in the line of recordings that wait for a free task slot of their SdkAppId (TRTC_MAX_CONCURRENT_TASKS): higher goes first, from -1000 to 1000; operator-side only, no API code; default 0; can change while the recording waits.")
    private Integer priority;

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

    public AccountReference getAccountRef() {
        return accountRef;
    }

    public void setAccountRef(AccountReference accountRef) {
        this.accountRef = accountRef;
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

    public String getMaxDuration() {
        return maxDuration;
    }

    public void setMaxDuration(String maxDuration) {
        this.maxDuration = maxDuration;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public Integer getTtlSecondsAfterFinished() {
        return ttlSecondsAfterFinished;
    }

    public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
        this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
    }

    public RestartPolicy getRestartPolicy() {
        return restartPolicy;
    }

    public void setRestartPolicy(RestartPolicy restartPolicy) {
        this.restartPolicy = restartPolicy;
    }

    public Integer getBackoffLimit() {
        return backoffLimit;
    }

    public void setBackoffLimit(Integer backoffLimit) {
        this.backoffLimit = backoffLimit;

    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }
}
