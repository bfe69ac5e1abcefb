package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Output encoding of a mixed recording (trtc-api §4.7).
 */
public record MixTranscodeParams(
        @JsonProperty("VideoParams") VideoParams videoParams,
        @JsonProperty("AudioParams") AudioParams audioParams) {
}
