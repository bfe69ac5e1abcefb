package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Output encoding of a mixed recording (trtc-api §4.7).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class MixTranscodeParams {

    @JsonProperty("VideoParams")
    private VideoParams videoParams;
    @JsonProperty("AudioParams")
    private AudioParams audioParams;

    public VideoParams getVideoParams() {
        return videoParams;
    }

    public MixTranscodeParams setVideoParams(VideoParams videoParams) {
        this.videoParams = videoParams;
        return this;
    }

    public AudioParams getAudioParams() {
        return audioParams;
    }

    public MixTranscodeParams setAudioParams(AudioParams audioParams) {
        this.audioParams = audioParams;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MixTranscodeParams other)) {
            return false;
        }
        return Objects.equals(videoParams, other.videoParams)
                && Objects.equals(audioParams, other.audioParams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(videoParams, audioParams);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "MixTranscodeParams{"
                + "VideoParams=" + videoParams
                + ", AudioParams=" + audioParams
                + "}";
    }
}
