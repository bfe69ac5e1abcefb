package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sample rate of the mixed audio (the API's AudioParams.SampleRate, an enum, not Hz).
 *
 * <p>The YAML names are the rates in Hz as strings: {@code "48000"}, {@code "44100"}, {@code "16000"}.
 */
public enum AudioSampleRate implements ApiCoded {
    /** 48000 Hz, written "48000": code 1. */
    @JsonProperty("48000")
    Hz48000(1),
    /** 44100 Hz, written "44100": code 2. */
    @JsonProperty("44100")
    Hz44100(2),
    /** 16000 Hz, written "16000": code 3. */
    @JsonProperty("16000")
    Hz16000(3);

    private final int code;

    AudioSampleRate(int code) {
        this.code = code;
    }

    /** The API's SampleRate value. */
    @Override
    public int code() {
        return code;
    }
}
