package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Mixed audio encoding; all fields required when present (trtc-api §4.9).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class AudioParams {

    @JsonProperty("SampleRate")
    private Long sampleRate;
    @JsonProperty("Channel")
    private Long channel;
    @JsonProperty("BitRate")
    private Long bitRate;

    public Long getSampleRate() {
        return sampleRate;
    }

    public AudioParams setSampleRate(Long sampleRate) {
        this.sampleRate = sampleRate;
        return this;
    }

    public Long getChannel() {
        return channel;
    }

    public AudioParams setChannel(Long channel) {
        this.channel = channel;
        return this;
    }

    public Long getBitRate() {
        return bitRate;
    }

    public AudioParams setBitRate(Long bitRate) {
        this.bitRate = bitRate;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AudioParams other)) {
            return false;
        }
        return Objects.equals(sampleRate, other.sampleRate)
                && Objects.equals(channel, other.channel)
                && Objects.equals(bitRate, other.bitRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sampleRate, channel, bitRate);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "AudioParams{"
                + "SampleRate=" + sampleRate
                + ", Channel=" + channel
                + ", BitRate=" + bitRate
                + "}";
    }
}
