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
        return new CreateCloudRecordingRequest()
                .setSdkAppId(spec.getSdkAppId())
                .setRoomId(spec.getRoomId())
                .setRoomIdType((long) EffectiveSpec.effectiveRoomIdType(spec).code())
                .setUserId(recorderUserId)
                .setUserSig(secrets.userSig())
                .setPrivateMapKey(secrets.privateMapKey())
                .setRecordParams(recordParams(spec.getRecordParams()))
                .setStorageParams(storageParams(spec.getStorageParams(), secrets))
                .setMixTranscodeParams(mixTranscodeParams(spec.getMixTranscodeParams()))
                .setMixLayoutParams(mixLayoutParams(spec.getMixLayoutParams()))
                .setResourceExpiredHour((long) EffectiveSpec.effectiveResourceExpiredHour(spec));
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
        return new ModifyCloudRecordingRequest()
                .setSdkAppId(spec.getSdkAppId())
                .setTaskId(taskId)
                .setMixLayoutParams(mixLayoutParams(spec.getMixLayoutParams()))
                .setSubscribeStreamUserIds(subscribe != null ? subscribe : new SubscribeStreamUserIds());
    }

    private static RecordParams recordParams(com.tencentcloud.trtc.operator.api.v1alpha1.RecordParams in) {
        if (in == null) {
            return null;
        }
        return new RecordParams()
                .setRecordMode(code(in.getRecordMode()))
                .setMaxIdleTime(number(in.getMaxIdleTime()))
                .setStreamType(code(in.getStreamType()))
                .setSubscribeStreamUserIds(subscribeStreamUserIds(in.getSubscribeStreamUserIds()))
                .setOutputFormat(code(in.getOutputFormat()))
                .setAvMerge(flag(in.getAvMerge()))
                .setMaxMediaFileDuration(number(in.getMaxMediaFileDuration()))
                .setMediaId(code(in.getMediaId()))
                .setFillType(code(in.getFillType()))
                .setSubscribeAbility(flag(in.getSubscribeAbility()));
    }

    private static SubscribeStreamUserIds subscribeStreamUserIds(
            com.tencentcloud.trtc.operator.api.v1alpha1.SubscribeStreamUserIds in) {
        if (in == null) {
            return null;
        }
        return new SubscribeStreamUserIds()
                .setSubscribeAudioUserIds(copy(in.getSubscribeAudioUserIds()))
                .setUnSubscribeAudioUserIds(copy(in.getUnSubscribeAudioUserIds()))
                .setSubscribeVideoUserIds(copy(in.getSubscribeVideoUserIds()))
                .setUnSubscribeVideoUserIds(copy(in.getUnSubscribeVideoUserIds()));
    }

    private static StorageParams storageParams(
            com.tencentcloud.trtc.operator.api.v1alpha1.StorageParams in, RecordingSecrets secrets) {
        if (in == null) {
            return null;
        }
        return new StorageParams()
                .setCloudStorage(cloudStorage(in.getCloudStorage(), secrets))
                .setCloudVod(cloudVod(in.getCloudVod()));
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
        return new CloudStorage()
                .setVendor(code(in.getVendor()))
                .setRegion(in.getRegion())
                .setBucket(in.getBucket())
                .setAccessKey(secrets.storageAccessKey())
                .setSecretKey(secrets.storageSecretKey())
                .setFileNamePrefix(copy(in.getFileNamePrefix()))
                .setEndpointUrl(in.getEndpointUrl());
    }

    private static CloudVod cloudVod(com.tencentcloud.trtc.operator.api.v1alpha1.CloudVod in) {
        if (in == null) {
            return null;
        }
        return new CloudVod().setTencentVod(tencentVod(in.getTencentVod()));
    }

    private static TencentVod tencentVod(com.tencentcloud.trtc.operator.api.v1alpha1.TencentVod in) {
        if (in == null) {
            return null;
        }
        return new TencentVod()
                .setProcedure(in.getProcedure())
                .setExpireTime(in.getExpireTime())
                .setStorageRegion(in.getStorageRegion())
                .setClassId(in.getClassId())
                .setSubAppId(in.getSubAppId())
                .setSessionContext(in.getSessionContext())
                .setSourceContext(in.getSourceContext())
                .setMediaType(code(in.getMediaType()))
                .setUserDefineRecordId(in.getUserDefineRecordId());
    }

    private static MixTranscodeParams mixTranscodeParams(
            com.tencentcloud.trtc.operator.api.v1alpha1.MixTranscodeParams in) {
        if (in == null) {
            return null;
        }
        return new MixTranscodeParams()
                .setVideoParams(videoParams(in.getVideoParams()))
                .setAudioParams(audioParams(in.getAudioParams()));
    }

    private static VideoParams videoParams(com.tencentcloud.trtc.operator.api.v1alpha1.VideoParams in) {
        if (in == null) {
            return null;
        }
        return new VideoParams()
                .setWidth(number(in.getWidth()))
                .setHeight(number(in.getHeight()))
                .setFps(number(in.getFps()))
                .setBitRate(number(in.getBitRate()))
                .setGop(number(in.getGop()));
    }

    private static AudioParams audioParams(com.tencentcloud.trtc.operator.api.v1alpha1.AudioParams in) {
        if (in == null) {
            return null;
        }
        return new AudioParams()
                .setSampleRate(code(in.getSampleRate()))
                .setChannel(code(in.getChannel()))
                .setBitRate(number(in.getBitRate()));
    }

    private static MixLayoutParams mixLayoutParams(com.tencentcloud.trtc.operator.api.v1alpha1.MixLayoutParams in) {
        if (in == null) {
            return null;
        }
        return new MixLayoutParams()
                .setMixLayoutMode(code(in.getMixLayoutMode()))
                .setMixLayoutList(each(in.getMixLayoutList(), CreateRequestMapper::mixLayout))
                .setBackGroundColor(in.getBackGroundColor())
                .setMaxResolutionUserId(in.getMaxResolutionUserId())
                .setMediaId(code(in.getMediaId()))
                .setBackgroundImageUrl(in.getBackgroundImageUrl())
                .setPlaceHolderMode(flag(in.getPlaceHolderMode()))
                .setBackgroundImageRenderMode(code(in.getBackgroundImageRenderMode()))
                .setDefaultSubBackgroundImage(in.getDefaultSubBackgroundImage())
                .setWaterMarkList(each(in.getWaterMarkList(), CreateRequestMapper::waterMark))
                .setRenderMode(code(in.getRenderMode()))
                .setMaxResolutionUserAlign(code(in.getMaxResolutionUserAlign()))
                .setPureAudioDisableLayout(in.getPureAudioDisableLayout());
    }

    private static MixLayout mixLayout(com.tencentcloud.trtc.operator.api.v1alpha1.MixLayout in) {
        return new MixLayout()
                .setTop(number(in.getTop()))
                .setLeft(number(in.getLeft()))
                .setWidth(number(in.getWidth()))
                .setHeight(number(in.getHeight()))
                .setUserId(in.getUserId())
                .setAlpha(number(in.getAlpha()))
                .setRenderMode(code(in.getRenderMode()))
                .setMediaId(code(in.getMediaId()))
                .setImageLayer(number(in.getImageLayer()))
                .setSubBackgroundImage(in.getSubBackgroundImage());
    }

    private static WaterMark waterMark(com.tencentcloud.trtc.operator.api.v1alpha1.WaterMark in) {
        return new WaterMark()
                .setWaterMarkType(code(in.getWaterMarkType()))
                .setWaterMarkImage(waterMarkImage(in.getWaterMarkImage()))
                .setWaterMarkChar(waterMarkChar(in.getWaterMarkChar()))
                .setWaterMarkTimestamp(waterMarkTimestamp(in.getWaterMarkTimestamp()));
    }

    private static WaterMarkImage waterMarkImage(com.tencentcloud.trtc.operator.api.v1alpha1.WaterMarkImage in) {
        if (in == null) {
            return null;
        }
        return new WaterMarkImage()
                .setWaterMarkUrl(in.getWaterMarkUrl())
                .setTop(number(in.getTop()))
                .setLeft(number(in.getLeft()))
                .setWidth(number(in.getWidth()))
                .setHeight(number(in.getHeight()));
    }

    private static WaterMarkChar waterMarkChar(com.tencentcloud.trtc.operator.api.v1alpha1.WaterMarkChar in) {
        if (in == null) {
            return null;
        }
        return new WaterMarkChar()
                .setTop(number(in.getTop()))
                .setLeft(number(in.getLeft()))
                .setWidth(number(in.getWidth()))
                .setHeight(number(in.getHeight()))
                .setChars(in.getChars())
                .setFontSize(number(in.getFontSize()))
                .setFontColor(in.getFontColor())
                .setBackGroundColor(in.getBackGroundColor())
                .setFont(in.getFont());
    }

    private static WaterMarkTimestamp waterMarkTimestamp(
            com.tencentcloud.trtc.operator.api.v1alpha1.WaterMarkTimestamp in) {
        if (in == null) {
            return null;
        }
        return new WaterMarkTimestamp()
                .setPos(code(in.getPos()))
                .setTimeZone(number(in.getTimeZone()))
                .setFont(in.getFont());
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
