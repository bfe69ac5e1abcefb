package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * Audio encoding of a mixed recording: the API's AudioParams; every field is required when it is present.
 * Fixed when the task is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AudioParams {

    @Required
    @JsonPropertyDescription("Sample rate in Hz, written as a quoted string (SampleRate): \"48000\" (1), \"44100\" (2) or \"16000\" (3); required; cannot change.")
    private AudioSampleRate sampleRate;

    @Required
    @JsonPropertyDescription("Channels (Channel): Mono (1) or Stereo (2); required; cannot change.")
    private AudioChannel channel;

    @Required
    @Min(32000)
    @Max(128000)
    @JsonPropertyDescription("Bit rate in bits per second, 32000 to 128000 (BitRate); required; cannot change.")
    private Integer bitRate;

    public AudioSampleRate getSampleRate() {
        return sampleRate;
    }

    public void setSampleRate(AudioSampleRate sampleRate) {
        this.sampleRate = sampleRate;
    }

    public AudioChannel getChannel() {
        return channel;
    }

    public void setChannel(AudioChannel channel) {
        this.channel = channel;
    }

    public Integer getBitRate() {
        return bitRate;
    }

    public void setBitRate(Integer bitRate) {
        this.bitRate = bitRate;
    }
}
