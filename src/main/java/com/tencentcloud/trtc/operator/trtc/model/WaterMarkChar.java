package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Text watermark.
 */
public record WaterMarkChar(
        @JsonProperty("Top") Long top,
        @JsonProperty("Left") Long left,
        @JsonProperty("Width") Long width,
        @JsonProperty("Height") Long height,
        @JsonProperty("Chars") String chars,
        @JsonProperty("FontSize") Long fontSize,
        @JsonProperty("FontColor") String fontColor,
        @JsonProperty("BackGroundColor") String backGroundColor,
        @JsonProperty("Font") String font) {
}
