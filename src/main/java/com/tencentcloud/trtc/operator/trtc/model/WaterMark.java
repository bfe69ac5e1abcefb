package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One watermark (trtc-api §4.12).
 */
public record WaterMark(
        @JsonProperty("WaterMarkType") Long waterMarkType,
        @JsonProperty("WaterMarkImage") WaterMarkImage waterMarkImage,
        @JsonProperty("WaterMarkChar") WaterMarkChar waterMarkChar,
        @JsonProperty("WaterMarkTimestamp") WaterMarkTimestamp waterMarkTimestamp) {
}
