package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Recording control parameters (trtc-api §4.1).
 */
public record RecordParams(
        @JsonProperty("RecordMode") Long recordMode,
        @JsonProperty("MaxIdleTime") Long maxIdleTime,
        @JsonProperty("StreamType") Long streamType,
        @JsonProperty("SubscribeStreamUserIds") SubscribeStreamUserIds subscribeStreamUserIds,
        @JsonProperty("OutputFormat") Long outputFormat,
        @JsonProperty("AvMerge") Long avMerge,
        @JsonProperty("MaxMediaFileDuration") Long maxMediaFileDuration,
        @JsonProperty("MediaId") Long mediaId,
        @JsonProperty("FillType") Long fillType,
        @JsonProperty("SubscribeAbility") Long subscribeAbility) {
}
