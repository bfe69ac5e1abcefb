package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Timestamp watermark.
 */
public record WaterMarkTimestamp(
        @JsonProperty("Pos") Long pos,
        @JsonProperty("TimeZone") Long timeZone,
        @JsonProperty("Font") String font) {
}
