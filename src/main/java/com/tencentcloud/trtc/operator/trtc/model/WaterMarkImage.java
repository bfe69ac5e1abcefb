package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Image watermark.
 */
public record WaterMarkImage(
        @JsonProperty("WaterMarkUrl") String waterMarkUrl,
        @JsonProperty("Top") Long top,
        @JsonProperty("Left") Long left,
        @JsonProperty("Width") Long width,
        @JsonProperty("Height") Long height) {
}
