package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Encoding of a mixed recording: the API's MixTranscodeParams. Fixed when the task is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MixTranscodeParams {

    @JsonPropertyDescription("Video encoding of the mixed output (VideoParams); when set, all its fields are required; default 360x640 pixels, 15 fps, 550000 bps, keyframe every 10 s; cannot change.")
    private VideoParams videoParams;

    @JsonPropertyDescription("Audio encoding of the mixed output (AudioParams); when set, all its fields are required; default 48000 Hz, Stereo, 64000 bps; cannot change.")
    private AudioParams audioParams;

    public VideoParams getVideoParams() {
        return videoParams;
    }

    public void setVideoParams(VideoParams videoParams) {
        this.videoParams = videoParams;
    }

    public AudioParams getAudioParams() {
        return audioParams;
    }

    public void setAudioParams(AudioParams audioParams) {
        this.audioParams = audioParams;
    }
}
