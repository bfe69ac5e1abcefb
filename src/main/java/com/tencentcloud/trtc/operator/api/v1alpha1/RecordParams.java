package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * What the robot records and how: the API's RecordParams.
 *
 * <p>Only {@link #getSubscribeStreamUserIds()} can change after creation (sent whole with ModifyCloudRecording);
 * every other field is fixed when the task is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RecordParams {

    @Required
    @JsonPropertyDescription("Recording mode (RecordMode): SingleStream (1) records each subscribed user separately, MixedStream (2) mixes all subscribed streams into one output; required; cannot change.")
    private RecordMode recordMode;

    @Min(5)
    @Max(86400)
    @JsonPropertyDescription("Seconds, 5 to 86400, that the room may stay without any anchor before the recording stops by itself (MaxIdleTime); default 30; cannot change.")
    private Integer maxIdleTime;

    @JsonPropertyDescription("Media to record (StreamType): AudioVideo (0), AudioOnly (1) or VideoOnly (2); default AudioVideo; cannot change.")
    private StreamType streamType;

    @JsonPropertyDescription("Allow and block lists of the users whose streams are recorded (SubscribeStreamUserIds); default every user; can change while recording, and is then sent whole with ModifyCloudRecording.")
    private SubscribeStreamUserIds subscribeStreamUserIds;

    @JsonPropertyDescription("File format for cloudStorage (OutputFormat): HLS (0), HLSAndMP4 (1), HLSAndAAC (2), MP4 (3) or AAC (4); ignored for cloudVod, which uses tencentVod.mediaType; default HLS; cannot change.")
    private OutputFormat outputFormat;

    @JsonPropertyDescription("In SingleStream mode, whether each user's audio and video go into one file (AvMerge 1) instead of two (0); MixedStream always merges; default false; cannot change.")
    private Boolean avMerge;

    @Min(1)
    @Max(1440)
    @JsonPropertyDescription("Minutes, 1 to 1440, after which an MP4 or AAC file is split (MaxMediaFileDuration); no effect on HLS; default 1440; cannot change.")
    private Integer maxMediaFileDuration;

    @JsonPropertyDescription("Which streams of each user are recorded (MediaId): MainAndAux (0) camera and screen share, Main (1) camera only, Aux (2) screen share only; default MainAndAux; cannot change.")
    private RecordMediaId mediaId;

    @JsonPropertyDescription("What fills the picture when a user's video stops (FillType): LastFrame (0) repeats the last frame, Black (1) shows black; default the API's (LastFrame in its examples); cannot change.")
    private FillType fillType;

    @JsonPropertyDescription("Whether the robot also records the stream that a mixing robot publishes back into the room (SubscribeAbility 1); if true, use allowlists so that audio is not recorded twice; default false; cannot change.")
    private Boolean subscribeAbility;

    public RecordMode getRecordMode() {
        return recordMode;
    }

    public void setRecordMode(RecordMode recordMode) {
        this.recordMode = recordMode;
    }

    public Integer getMaxIdleTime() {
        return maxIdleTime;
    }

    public void setMaxIdleTime(Integer maxIdleTime) {
        this.maxIdleTime = maxIdleTime;
    }

    public StreamType getStreamType() {
        return streamType;
    }

    public void setStreamType(StreamType streamType) {
        this.streamType = streamType;
    }

    public SubscribeStreamUserIds getSubscribeStreamUserIds() {
        return subscribeStreamUserIds;
    }

    public void setSubscribeStreamUserIds(SubscribeStreamUserIds subscribeStreamUserIds) {
        this.subscribeStreamUserIds = subscribeStreamUserIds;
    }

    public OutputFormat getOutputFormat() {
        return outputFormat;
    }

    public void setOutputFormat(OutputFormat outputFormat) {
        this.outputFormat = outputFormat;
    }

    public Boolean getAvMerge() {
        return avMerge;
    }

    public void setAvMerge(Boolean avMerge) {
        this.avMerge = avMerge;
    }

    public Integer getMaxMediaFileDuration() {
        return maxMediaFileDuration;
    }

    public void setMaxMediaFileDuration(Integer maxMediaFileDuration) {
        this.maxMediaFileDuration = maxMediaFileDuration;
    }

    public RecordMediaId getMediaId() {
        return mediaId;
    }

    public void setMediaId(RecordMediaId mediaId) {
        this.mediaId = mediaId;
    }

    public FillType getFillType() {
        return fillType;
    }

    public void setFillType(FillType fillType) {
        this.fillType = fillType;
    }

    public Boolean getSubscribeAbility() {
        return subscribeAbility;
    }

    public void setSubscribeAbility(Boolean subscribeAbility) {
        this.subscribeAbility = subscribeAbility;
    }
}
