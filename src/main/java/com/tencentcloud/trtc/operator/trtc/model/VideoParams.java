package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Mixed video encoding; all fields required when present (trtc-api §4.8).
 */
public record VideoParams(
        @JsonProperty("Width") Long width,
        @JsonProperty("Height") Long height,
        @JsonProperty("Fps") Long fps,
        @JsonProperty("BitRate") Long bitRate,
        @JsonProperty("Gop") Long gop) {
}
