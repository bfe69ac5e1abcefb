package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The recording a user asks for: the room, the robot that records it, how, and where the files go.
 * Field names are the camelCase of CreateCloudRecording's parameters; coded integers are enum names.
 *
 * <p>The API server enforces the contract at apply time: the schema holds the types, enums, ranges and patterns,
 * and the CEL rules on this type hold the room-id rule and immutability. Every field that ModifyCloudRecording
 * cannot change is immutable here (a change, an addition or a removal is refused); only
 * {@code recordParams.subscribeStreamUserIds}, {@code mixLayoutParams}, {@code deletionPolicy} and
 * {@code ttlSecondsAfterFinished} can change.
 * No field has a schema default: defaults are resolved in code, so that GitOps tools see no drift.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Room ids: a 32-bit unsigned decimal for Integer rooms (the default), the TRTC charset for String rooms.
@ValidationRule(value = CloudRecordingSpec.INTEGER_ROOM_RULE, message = CloudRecordingSpec.INTEGER_ROOM_MESSAGE, fieldPath = ".roomId")
@ValidationRule(value = CloudRecordingSpec.STRING_ROOM_RULE, message = CloudRecordingSpec.STRING_ROOM_MESSAGE, fieldPath = ".roomId")
// VOD audio-only formats need an audio-only recording.
@ValidationRule(value = CloudRecordingSpec.VOD_AUDIO_RULE, message = CloudRecordingSpec.VOD_AUDIO_MESSAGE,
        fieldPath = ".storageParams.cloudVod.tencentVod.mediaType")
// maxDuration: at least a minute, and the stop must fall inside the management window.
@ValidationRule(value = CloudRecordingSpec.MAX_DURATION_MIN_RULE, message = CloudRecordingSpec.MAX_DURATION_MIN_MESSAGE, fieldPath = ".maxDuration")
@ValidationRule(value = CloudRecordingSpec.MAX_DURATION_WINDOW_RULE, message = CloudRecordingSpec.MAX_DURATION_WINDOW_MESSAGE, fieldPath = ".maxDuration")
// Credentials come from an account or from a Secret of this namespace, not both.
@ValidationRule(value = CloudRecordingSpec.ONE_CREDENTIAL_SOURCE_RULE, message = CloudRecordingSpec.ONE_CREDENTIAL_SOURCE_MESSAGE)
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
@ValidationRule(value = "has(self.accountRef) == has(oldSelf.accountRef) && (!has(self.accountRef) || self.accountRef == oldSelf.accountRef)",
        message = "accountRef cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".accountRef")
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
@ValidationRule(value = "has(self.maxDuration) == has(oldSelf.maxDuration) && (!has(self.maxDuration) || self.maxDuration == oldSelf.maxDuration)",
        message = "maxDuration cannot change, be added or be removed; create a new CloudRecording instead",
        fieldPath = ".maxDuration")
// Modify can replace a layout but cannot return to the API's own one.
@ValidationRule(value = "!has(oldSelf.mixLayoutParams) || has(self.mixLayoutParams)",
        message = "mixLayoutParams cannot be removed once set (ModifyCloudRecording can only replace a layout); change it instead",
        fieldPath = ".mixLayoutParams")
public class CloudRecordingSpec extends RecordingSpecFields {

    /** Rules shared with {@link CloudRecordingTemplateSpec}, which has every rule of this type except immutability. */
    static final String ONE_CREDENTIAL_SOURCE_RULE = "!(has(self.accountRef) && has(self.credentialsSecretRef))";
    static final String ONE_CREDENTIAL_SOURCE_MESSAGE = "set at most one of accountRef and credentialsSecretRef: a recording uses a TrtcAccount's credentials or a Secret of its own namespace, not both";
    static final String INTEGER_ROOM_RULE = "!has(self.roomId) || (has(self.roomIdType) && self.roomIdType == 'String') || (self.roomId.matches('^[1-9][0-9]{0,9}$') && int(self.roomId) <= 4294967294)";
    static final String INTEGER_ROOM_MESSAGE = "roomId must be a decimal integer from 1 to 4294967294 when roomIdType is Integer (the default); set roomIdType: String for a string room id";
    static final String STRING_ROOM_RULE = "!has(self.roomId) || !has(self.roomIdType) || self.roomIdType != 'String' || self.roomId.matches('^[A-Za-z0-9 !#$%&()+:;<=.>?@\\\\[\\\\]^_{}|~,-]{1,64}$')";
    static final String STRING_ROOM_MESSAGE = "with roomIdType String, roomId must be 1 to 64 characters from letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,";
    static final String VOD_AUDIO_RULE = "!has(self.storageParams) || !has(self.storageParams.cloudVod) || !has(self.storageParams.cloudVod.tencentVod) || !has(self.storageParams.cloudVod.tencentVod.mediaType) || !(self.storageParams.cloudVod.tencentVod.mediaType in ['AAC', 'HLSAndAAC']) || (has(self.recordParams) && has(self.recordParams.streamType) && self.recordParams.streamType == 'AudioOnly')";
    static final String VOD_AUDIO_MESSAGE = "tencentVod.mediaType AAC and HLSAndAAC need recordParams.streamType AudioOnly";
    /** The duration rules leave text the pattern refuses to the pattern, so that only its message is shown. */
    static final String MAX_DURATION_MIN_RULE = "!has(self.maxDuration) || !self.maxDuration.matches('^([0-9]{1,6}h)?([0-9]{1,6}m)?([0-9]{1,8}s)?$') || duration(self.maxDuration) >= duration('1m')";
    static final String MAX_DURATION_MIN_MESSAGE = "maxDuration must be at least 1m";
    static final String MAX_DURATION_WINDOW_RULE = "!has(self.maxDuration) || !self.maxDuration.matches('^([0-9]{1,6}h)?([0-9]{1,6}m)?([0-9]{1,8}s)?$') || duration(self.maxDuration).getSeconds() < (has(self.resourceExpiredHour) ? self.resourceExpiredHour : 72) * 3600";
    static final String MAX_DURATION_WINDOW_MESSAGE = "maxDuration must be shorter than the management window, resourceExpiredHour hours (default 72): after the window the task can no longer be stopped";
}
