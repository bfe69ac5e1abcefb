package com.tencentcloud.trtc.operator.mapping;

import com.tencentcloud.trtc.operator.api.v1alpha1.ApiCoded;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.trtc.model.AudioParams;
import com.tencentcloud.trtc.operator.trtc.model.CloudStorage;
import com.tencentcloud.trtc.operator.trtc.model.CloudVod;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.MixLayout;
import com.tencentcloud.trtc.operator.trtc.model.MixLayoutParams;
import com.tencentcloud.trtc.operator.trtc.model.MixTranscodeParams;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.RecordParams;
import com.tencentcloud.trtc.operator.trtc.model.StorageParams;
import com.tencentcloud.trtc.operator.trtc.model.SubscribeStreamUserIds;
import com.tencentcloud.trtc.operator.trtc.model.TencentVod;
import com.tencentcloud.trtc.operator.trtc.model.VideoParams;
import com.tencentcloud.trtc.operator.trtc.model.WaterMark;
import com.tencentcloud.trtc.operator.trtc.model.WaterMarkChar;
import com.tencentcloud.trtc.operator.trtc.model.WaterMarkImage;
import com.tencentcloud.trtc.operator.trtc.model.WaterMarkTimestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Pure mapping from a {@link CloudRecordingSpec} to the TRTC requests that start and modify its task.
 *
 * <p>Every spec field goes to the wire field of the same name: enum names become their API codes, booleans become
 * 0/1 (except {@code PureAudioDisableLayout}, a JSON boolean on the wire), and unset fields stay unset, so the
 * API applies its own defaults. Two defaults are resolved here and always sent, so that the effective values
 * are certain: {@code RoomIdType} (1, Integer) and {@code ResourceExpiredHour} (72), see {@link EffectiveSpec}.
 * Credentials come only from {@link RecordingSecrets}; the spec holds Secret references, never values.
 */
public final class CreateRequestMapper {

    private CreateRequestMapper() {
    }

    /**
     * The CreateCloudRecording request for a spec.
     *
     * @param spec           the desired recording (validated by the API server)
     * @param recorderUserId the robot's user id, already resolved (given or derived)
     * @param secrets        the resolved UserSig, optional PrivateMapKey and, for cloudStorage, the storage keys
     * @throws IllegalArgumentException if a value the request needs is missing (never with a secret in the message)
     */
    public static CreateCloudRecordingRequest toCreateRequest(
            CloudRecordingSpec spec, String recorderUserId, RecordingSecrets secrets) {
        require(recorderUserId != null && !recorderUserId.isEmpty(), "the recorder user id is missing");
        require(secrets != null && secrets.userSig() != null && !secrets.userSig().isEmpty(),
                "the recorder UserSig is missing");
        return new CreateCloudRecordingRequest(
                spec.getSdkAppId(), spec.getRoomId(), recorderUserId, secrets.userSig(),
                recordParams(spec.getRecordParams()), storageParams(spec.getStorageParams(), secrets),
                (long) EffectiveSpec.effectiveRoomIdType(spec).code(), mixTranscodeParams(spec.getMixTranscodeParams()),
                mixLayoutParams(spec.getMixLayoutParams()), (long) EffectiveSpec.effectiveResourceExpiredHour(spec),
                secrets.privateMapKey());
    }

    /**
     * The ModifyCloudRecording request that brings a running task to the spec's mutable fields.
     *
     * <p>ModifyCloudRecording replaces what it is sent, so both mutable fields are sent whole: the layout when the
     * spec has one, and the subscription lists always (an empty object when the spec has none, which restores the
     * default of recording every user).
     *
     * @param spec   the desired recording
     * @param taskId the task to modify
     */
    public static ModifyCloudRecordingRequest toModifyRequest(CloudRecordingSpec spec, String taskId) {
        require(taskId != null && !taskId.isEmpty(), "the task id is missing");
        var record = spec.getRecordParams();
        var subscribe = record == null ? null : subscribeStreamUserIds(record.getSubscribeStreamUserIds());
        return new ModifyCloudRecordingRequest(
                spec.getSdkAppId(), taskId, mixLayoutParams(spec.getMixLayoutParams()),
                subscribe != null ? subscribe : new SubscribeStreamUserIds(null, null, null, null));
    }

    private static RecordParams recordParams(com.tencentcloud.trtc.operator.api.v1alpha1.RecordParams in) {
        if (in == null) {
            return null;
        }
        return new RecordParams(
                code(in.getRecordMode()), number(in.getMaxIdleTime()), code(in.getStreamType()),
                subscribeStreamUserIds(in.getSubscribeStreamUserIds()), code(in.getOutputFormat()),
                flag(in.getAvMerge()), number(in.getMaxMediaFileDuration()), code(in.getMediaId()),
                code(in.getFillType()), flag(in.getSubscribeAbility()));
    }

    private static SubscribeStreamUserIds subscribeStreamUserIds(
            com.tencentcloud.trtc.operator.api.v1alpha1.SubscribeStreamUserIds in) {
        if (in == null) {
            return null;
        }
        return new SubscribeStreamUserIds(
                copy(in.getSubscribeAudioUserIds()), copy(in.getUnSubscribeAudioUserIds()),
                copy(in.getSubscribeVideoUserIds()), copy(in.getUnSubscribeVideoUserIds()));
    }

    private static StorageParams storageParams(
            com.tencentcloud.trtc.operator.api.v1alpha1.StorageParams in, RecordingSecrets secrets) {
        if (in == null) {
            return null;
        }
        return new StorageParams(cloudStorage(in.getCloudStorage(), secrets), cloudVod(in.getCloudVod()));
    }

    private static CloudStorage cloudStorage(
            com.tencentcloud.trtc.operator.api.v1alpha1.CloudStorage in, RecordingSecrets secrets) {
        if (in == null) {
            return null;
        }
        require(secrets.storageAccessKey() != null && !secrets.storageAccessKey().isEmpty(),
                "the cloud storage access key (accessKeySecretRef) is missing");
        require(secrets.storageSecretKey() != null && !secrets.storageSecretKey().isEmpty(),
                "the cloud storage secret key (secretKeySecretRef) is missing");
        return new CloudStorage(
                code(in.getVendor()), in.getRegion(), in.getBucket(), secrets.storageAccessKey(),
                secrets.storageSecretKey(), copy(in.getFileNamePrefix()), in.getEndpointUrl());
    }

    private static CloudVod cloudVod(com.tencentcloud.trtc.operator.api.v1alpha1.CloudVod in) {
        if (in == null) {
            return null;
        }
        return new CloudVod(tencentVod(in.getTencentVod()));
    }

    private static TencentVod tencentVod(com.tencentcloud.trtc.operator.api.v1alpha1.TencentVod in) {
        if (in == null) {
            return null;
        }
        return new TencentVod(
                in.getProcedure(), in.getExpireTime(), in.getStorageRegion(), in.getClassId(), in.getSubAppId(),
                in.getSessionContext(), in.getSourceContext(), code(in.getMediaType()), in.getUserDefineRecordId());
    }

    private static MixTranscodeParams mixTranscodeParams(
            com.tencentcloud.trtc.operator.api.v1alpha1.MixTranscodeParams in) {
        if (in == null) {
            return null;
        }
        return new MixTranscodeParams(videoParams(in.getVideoParams()), audioParams(in.getAudioParams()));
    }

    private static VideoParams videoParams(com.tencentcloud.trtc.operator.api.v1alpha1.VideoParams in) {
        if (in == null) {
            return null;
        }
        return new VideoParams(
                number(in.getWidth()), number(in.getHeight()), number(in.getFps()), number(in.getBitRate()),
                number(in.getGop()));
    }

    private static AudioParams audioParams(com.tencentcloud.trtc.operator.api.v1alpha1.AudioParams in) {
        if (in == null) {
            return null;
        }
        return new AudioParams(code(in.getSampleRate()), code(in.getChannel()), number(in.getBitRate()));
    }

    private static MixLayoutParams mixLayoutParams(com.tencentcloud.trtc.operator.api.v1alpha1.MixLayoutParams in) {
        if (in == null) {
            return null;
        }
        return new MixLayoutParams(
                code(in.getMixLayoutMode()), each(in.getMixLayoutList(), CreateRequestMapper::mixLayout),
                in.getBackGroundColor(), in.getMaxResolutionUserId(), code(in.getMediaId()), in.getBackgroundImageUrl(),
                flag(in.getPlaceHolderMode()), code(in.getBackgroundImageRenderMode()),
                in.getDefaultSubBackgroundImage(), each(in.getWaterMarkList(), CreateRequestMapper::waterMark),
                code(in.getRenderMode()), code(in.getMaxResolutionUserAlign()), in.getPureAudioDisableLayout());
    }

    private static MixLayout mixLayout(com.tencentcloud.trtc.operator.api.v1alpha1.MixLayout in) {
        return new MixLayout(
                number(in.getTop()), number(in.getLeft()), number(in.getWidth()), number(in.getHeight()),
                in.getUserId(), number(in.getAlpha()), code(in.getRenderMode()), code(in.getMediaId()),
                number(in.getImageLayer()), in.getSubBackgroundImage());
    }

    private static WaterMark waterMark(com.tencentcloud.trtc.operator.api.v1alpha1.WaterMark in) {
        return new WaterMark(
                code(in.getWaterMarkType()), waterMarkImage(in.getWaterMarkImage()),
                waterMarkChar(in.getWaterMarkChar()), waterMarkTimestamp(in.getWaterMarkTimestamp()));
    }

    private static WaterMarkImage waterMarkImage(com.tencentcloud.trtc.operator.api.v1alpha1.WaterMarkImage in) {
        if (in == null) {
            return null;
        }
        return new WaterMarkImage(
                in.getWaterMarkUrl(), number(in.getTop()), number(in.getLeft()), number(in.getWidth()),
                number(in.getHeight()));
    }

    private static WaterMarkChar waterMarkChar(com.tencentcloud.trtc.operator.api.v1alpha1.WaterMarkChar in) {
        if (in == null) {
            return null;
        }
        return new WaterMarkChar(
                number(in.getTop()), number(in.getLeft()), number(in.getWidth()), number(in.getHeight()), in.getChars(),
                number(in.getFontSize()), in.getFontColor(), in.getBackGroundColor(), in.getFont());
    }

    private static WaterMarkTimestamp waterMarkTimestamp(
            com.tencentcloud.trtc.operator.api.v1alpha1.WaterMarkTimestamp in) {
        if (in == null) {
            return null;
        }
        return new WaterMarkTimestamp(code(in.getPos()), number(in.getTimeZone()), in.getFont());
    }

    private static Long code(ApiCoded value) {
        return value == null ? null : (long) value.code();
    }

    private static Long flag(Boolean value) {
        return value == null ? null : (value ? 1L : 0L);
    }

    private static Long number(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static List<String> copy(List<String> values) {
        return values == null ? null : new ArrayList<>(values);
    }

    private static <A, B> List<B> each(List<A> values, Function<A, B> mapping) {
        if (values == null) {
            return null;
        }
        List<B> out = new ArrayList<>(values.size());
        for (A value : values) {
            out.add(mapping.apply(value));
        }
        return out;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
