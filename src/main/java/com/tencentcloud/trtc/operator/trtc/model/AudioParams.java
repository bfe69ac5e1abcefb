package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Mixed audio encoding; all fields required when present (trtc-api §4.9).
 */
public record AudioParams(
        @JsonProperty("SampleRate") Long sampleRate,
        @JsonProperty("Channel") Long channel,
        @JsonProperty("BitRate") Long bitRate) {
}
