package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One window of a custom layout (trtc-api §4.11).
 */
public record MixLayout(
        @JsonProperty("Top") Long top,
        @JsonProperty("Left") Long left,
        @JsonProperty("Width") Long width,
        @JsonProperty("Height") Long height,
        @JsonProperty("UserId") String userId,
        @JsonProperty("Alpha") Long alpha,
        @JsonProperty("RenderMode") Long renderMode,
        @JsonProperty("MediaId") Long mediaId,
        @JsonProperty("ImageLayer") Long imageLayer,
        @JsonProperty("SubBackgroundImage") String subBackgroundImage) {
}
