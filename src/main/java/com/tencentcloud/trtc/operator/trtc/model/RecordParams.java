package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Recording control parameters (trtc-api §4.1).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class RecordParams {

    @JsonProperty("RecordMode")
    private Long recordMode;
    @JsonProperty("MaxIdleTime")
    private Long maxIdleTime;
    @JsonProperty("StreamType")
    private Long streamType;
    @JsonProperty("SubscribeStreamUserIds")
    private SubscribeStreamUserIds subscribeStreamUserIds;
    @JsonProperty("OutputFormat")
    private Long outputFormat;
    @JsonProperty("AvMerge")
    private Long avMerge;
    @JsonProperty("MaxMediaFileDuration")
    private Long maxMediaFileDuration;
    @JsonProperty("MediaId")
    private Long mediaId;
    @JsonProperty("FillType")
    private Long fillType;
    @JsonProperty("SubscribeAbility")
    private Long subscribeAbility;

    public Long getRecordMode() {
        return recordMode;
    }

    public RecordParams setRecordMode(Long recordMode) {
        this.recordMode = recordMode;
        return this;
    }

    public Long getMaxIdleTime() {
        return maxIdleTime;
    }

    public RecordParams setMaxIdleTime(Long maxIdleTime) {
        this.maxIdleTime = maxIdleTime;
        return this;
    }

    public Long getStreamType() {
        return streamType;
    }

    public RecordParams setStreamType(Long streamType) {
        this.streamType = streamType;
        return this;
    }

    public SubscribeStreamUserIds getSubscribeStreamUserIds() {
        return subscribeStreamUserIds;
    }

    public RecordParams setSubscribeStreamUserIds(SubscribeStreamUserIds subscribeStreamUserIds) {
        this.subscribeStreamUserIds = subscribeStreamUserIds;
        return this;
    }

    public Long getOutputFormat() {
        return outputFormat;
    }

    public RecordParams setOutputFormat(Long outputFormat) {
        this.outputFormat = outputFormat;
        return this;
    }

    public Long getAvMerge() {
        return avMerge;
    }

    public RecordParams setAvMerge(Long avMerge) {
        this.avMerge = avMerge;
        return this;
    }

    public Long getMaxMediaFileDuration() {
        return maxMediaFileDuration;
    }

    public RecordParams setMaxMediaFileDuration(Long maxMediaFileDuration) {
        this.maxMediaFileDuration = maxMediaFileDuration;
        return this;
    }

    public Long getMediaId() {
        return mediaId;
    }

    public RecordParams setMediaId(Long mediaId) {
        this.mediaId = mediaId;
        return this;
    }

    public Long getFillType() {
        return fillType;
    }

    public RecordParams setFillType(Long fillType) {
        this.fillType = fillType;
        return this;
    }

    public Long getSubscribeAbility() {
        return subscribeAbility;
    }

    public RecordParams setSubscribeAbility(Long subscribeAbility) {
        this.subscribeAbility = subscribeAbility;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RecordParams other)) {
            return false;
        }
        return Objects.equals(recordMode, other.recordMode)
                && Objects.equals(maxIdleTime, other.maxIdleTime)
                && Objects.equals(streamType, other.streamType)
                && Objects.equals(subscribeStreamUserIds, other.subscribeStreamUserIds)
                && Objects.equals(outputFormat, other.outputFormat)
                && Objects.equals(avMerge, other.avMerge)
                && Objects.equals(maxMediaFileDuration, other.maxMediaFileDuration)
                && Objects.equals(mediaId, other.mediaId)
                && Objects.equals(fillType, other.fillType)
                && Objects.equals(subscribeAbility, other.subscribeAbility);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordMode, maxIdleTime, streamType, subscribeStreamUserIds, outputFormat, avMerge, maxMediaFileDuration, mediaId, fillType, subscribeAbility);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "RecordParams{"
                + "RecordMode=" + recordMode
                + ", MaxIdleTime=" + maxIdleTime
                + ", StreamType=" + streamType
                + ", SubscribeStreamUserIds=" + subscribeStreamUserIds
                + ", OutputFormat=" + outputFormat
                + ", AvMerge=" + avMerge
                + ", MaxMediaFileDuration=" + maxMediaFileDuration
                + ", MediaId=" + mediaId
                + ", FillType=" + fillType
                + ", SubscribeAbility=" + subscribeAbility
                + "}";
    }
}
