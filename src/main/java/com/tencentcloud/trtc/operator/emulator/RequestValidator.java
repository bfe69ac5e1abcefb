package com.tencentcloud.trtc.operator.emulator;

import static com.tencentcloud.trtc.operator.emulator.Checks.maxSize;
import static com.tencentcloud.trtc.operator.emulator.Checks.oneOf;
import static com.tencentcloud.trtc.operator.emulator.Checks.pattern;
import static com.tencentcloud.trtc.operator.emulator.Checks.range;
import static com.tencentcloud.trtc.operator.emulator.Checks.required;

import com.tencentcloud.trtc.operator.trtc.model.CloudStorage;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.MixTranscodeParams;
import com.tencentcloud.trtc.operator.trtc.model.RecordParams;
import com.tencentcloud.trtc.operator.trtc.model.StorageParams;
import com.tencentcloud.trtc.operator.trtc.model.SubscribeStreamUserIds;
import com.tencentcloud.trtc.operator.trtc.model.TencentVod;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates request bodies against trtc-api §3 and §4.
 *
 * <p>Codes: an absent required field gives the {@code MissingParameter.<Field>} code Tencent lists for it
 * ({@code SdkAppId, RoomId, UserId, UserSig, RecordParams, RecordMode, StorageParams, CloudStorage, Vendor, Region,
 * Bucket, AccessKey, SecretKey, TaskId}) and plain {@code MissingParameter} for the others; a value outside its
 * documented range or format gives {@code InvalidParameter.OutOfRange}; a non-positive or unknown SdkAppId gives
 * {@code InvalidParameter.SdkAppId}; contradictory fields (both storages, allow and block list for one media) give
 * {@code InvalidParameter}. For an app configured with its SDKSecretKey, a UserSig that is not valid for the robot
 * UserId now (trtc-api §7.3) gives {@code InvalidParameter.UserSig}; other apps' UserSigs are not checked.
 */
final class RequestValidator {

    private static final Pattern STRING_ROOM = Pattern.compile("[A-Za-z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]+");
    private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{0,9}");
    private static final long MAX_INT_ROOM = 4294967294L;

    private final Set<Long> sdkAppIds;
    private final Map<Long, String> sdkSecretKeys;
    private final Clock clock;

    /**
     * @param sdkAppIds     the apps that exist; empty means every positive SdkAppId exists
     * @param sdkSecretKeys the SDKSecretKey of the apps whose UserSigs are verified
     */
    RequestValidator(Set<Long> sdkAppIds, Map<Long, String> sdkSecretKeys, Clock clock) {
        this.sdkAppIds = Set.copyOf(sdkAppIds);
        this.sdkSecretKeys = Map.copyOf(sdkSecretKeys);
        this.clock = clock;
    }

    void validateCreate(CreateCloudRecordingRequest r) {
        sdkAppId(r.sdkAppId());
        String roomId = required(r.roomId(), "MissingParameter.RoomId", "RoomId");
        required(r.userId(), "MissingParameter.UserId", "UserId");
        required(r.userSig(), "MissingParameter.UserSig", "UserSig");
        RecordParams record = required(r.recordParams(), "MissingParameter.RecordParams", "RecordParams");
        StorageParams storage = required(r.storageParams(), "MissingParameter.StorageParams", "StorageParams");
        oneOf(r.roomIdType(), "RoomIdType", 0, 1);
        room(roomId, r.roomIdType() == null ? 1 : r.roomIdType());
        pattern(r.userId(), Checks.NAME_CHARS, 32, "UserId");
        recordParams(record);
        storageParams(storage, record.streamType() == null ? 0 : record.streamType());
        range(r.resourceExpiredHour(), 6, 720, "ResourceExpiredHour");
        MixTranscodeParams transcode = r.mixTranscodeParams();
        MixValidator.transcode(transcode);
        MixValidator.layout(r.mixLayoutParams(), MixValidator.canvas(transcode), "MixLayoutParams");
        userSig(r.sdkAppId(), r.userId(), r.userSig());
    }

    /** Checks the two fields every management call carries. */
    void validateTaskRef(Long sdkAppId, String taskId) {
        sdkAppId(sdkAppId);
        required(taskId, "MissingParameter.TaskId", "TaskId");
    }

    /** Checks a subscription list as carried by RecordParams or by ModifyCloudRecording. */
    static void subscription(SubscribeStreamUserIds s, String path) {
        if (s == null) {
            return;
        }
        maxSize(s.subscribeAudioUserIds(), 32, path + ".SubscribeAudioUserIds");
        maxSize(s.unSubscribeAudioUserIds(), 32, path + ".UnSubscribeAudioUserIds");
        maxSize(s.subscribeVideoUserIds(), 32, path + ".SubscribeVideoUserIds");
        maxSize(s.unSubscribeVideoUserIds(), 32, path + ".UnSubscribeVideoUserIds");
        if (notEmpty(s.subscribeAudioUserIds()) && notEmpty(s.unSubscribeAudioUserIds())) {
            throw ApiError.invalid("`" + path + "`: the audio allowlist and blocklist cannot both be set.");
        }
        if (notEmpty(s.subscribeVideoUserIds()) && notEmpty(s.unSubscribeVideoUserIds())) {
            throw ApiError.invalid("`" + path + "`: the video allowlist and blocklist cannot both be set.");
        }
    }

    private void sdkAppId(Long sdkAppId) {
        required(sdkAppId, "MissingParameter.SdkAppId", "SdkAppId");
        if (sdkAppId <= 0 || sdkAppId > 0xFFFFFFFFL || (!sdkAppIds.isEmpty() && !sdkAppIds.contains(sdkAppId))) {
            throw new ApiError("InvalidParameter.SdkAppId", "SdkAppId " + sdkAppId + " is incorrect.");
        }
    }

    private void userSig(long sdkAppId, String userId, String userSig) {
        String key = sdkSecretKeys.get(sdkAppId);
        if (key == null) {
            return;
        }
        UserSig.Verification verification = UserSig.verify(userSig, sdkAppId, userId, key, clock.instant().getEpochSecond());
        if (!verification.valid()) {
            throw new ApiError("InvalidParameter.UserSig", "UserSig expired or wrong (" + verification.reason() + ").");
        }
    }

    private static void room(String roomId, long roomIdType) {
        if (roomIdType == 1) {
            if (!DECIMAL.matcher(roomId).matches() || Long.parseLong(roomId) > MAX_INT_ROOM) {
                throw ApiError.outOfRange("RoomId", "an integer room id (RoomIdType 1) is a decimal in [1, " + MAX_INT_ROOM + "]");
            }
        } else {
            pattern(roomId, STRING_ROOM, 64, "RoomId");
        }
    }

    private static void recordParams(RecordParams p) {
        required(p.recordMode(), "MissingParameter.RecordMode", "RecordParams.RecordMode");
        oneOf(p.recordMode(), "RecordParams.RecordMode", 1, 2);
        range(p.maxIdleTime(), 5, 86400, "RecordParams.MaxIdleTime");
        oneOf(p.streamType(), "RecordParams.StreamType", 0, 1, 2);
        range(p.outputFormat(), 0, 4, "RecordParams.OutputFormat");
        oneOf(p.avMerge(), "RecordParams.AvMerge", 0, 1);
        range(p.maxMediaFileDuration(), 1, 1440, "RecordParams.MaxMediaFileDuration");
        oneOf(p.mediaId(), "RecordParams.MediaId", 0, 1, 2);
        oneOf(p.fillType(), "RecordParams.FillType", 0, 1);
        oneOf(p.subscribeAbility(), "RecordParams.SubscribeAbility", 0, 1);
        subscription(p.subscribeStreamUserIds(), "RecordParams.SubscribeStreamUserIds");
    }

    private static void storageParams(StorageParams s, long streamType) {
        if (s.cloudStorage() != null && s.cloudVod() != null) {
            throw ApiError.invalid("`StorageParams`: CloudStorage and CloudVod cannot be set at the same time.");
        }
        if (s.cloudStorage() == null && s.cloudVod() == null) {
            throw ApiError.missing("MissingParameter.CloudStorage", "StorageParams.CloudStorage");
        }
        if (s.cloudStorage() != null) {
            cloudStorage(s.cloudStorage());
        } else if (s.cloudVod().tencentVod() != null) {
            tencentVod(s.cloudVod().tencentVod(), streamType);
        }
    }

    private static void cloudStorage(CloudStorage c) {
        String at = "StorageParams.CloudStorage.";
        required(c.vendor(), "MissingParameter.Vendor", at + "Vendor");
        oneOf(c.vendor(), at + "Vendor", 0, 1);
        required(c.region(), "MissingParameter.Region", at + "Region");
        required(c.bucket(), "MissingParameter.Bucket", at + "Bucket");
        required(c.accessKey(), "MissingParameter.AccessKey", at + "AccessKey");
        required(c.secretKey(), "MissingParameter.SecretKey", at + "SecretKey");
        List<String> prefix = c.fileNamePrefix();
        if (prefix != null) {
            for (int i = 0; i < prefix.size(); i++) {
                required(prefix.get(i), "MissingParameter", at + "FileNamePrefix[" + i + "]");
                pattern(prefix.get(i), Checks.NAME_CHARS, 1024, at + "FileNamePrefix[" + i + "]");
            }
        }
    }

    private static void tencentVod(TencentVod v, long streamType) {
        String at = "StorageParams.CloudVod.TencentVod.";
        range(v.expireTime(), 0, Long.MAX_VALUE, at + "ExpireTime");
        range(v.mediaType(), 0, 4, at + "MediaType");
        if (v.mediaType() != null && (v.mediaType() == 2 || v.mediaType() == 4) && streamType != 1) {
            throw ApiError.outOfRange(at + "MediaType", "AAC (2, 4) needs RecordParams.StreamType 1 (audio only)");
        }
        pattern(v.userDefineRecordId(), Checks.NAME_CHARS, 64, at + "UserDefineRecordId");
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
