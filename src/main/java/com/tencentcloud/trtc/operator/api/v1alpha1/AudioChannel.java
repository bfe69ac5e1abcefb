package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Channels of the mixed audio (the API's AudioParams.Channel).
 */
public enum AudioChannel implements ApiCoded {
    /** One channel: code 1. */
    Mono(1),
    /** Two channels: code 2. */
    Stereo(2);

    private final int code;

    AudioChannel(int code) {
        this.code = code;
    }

    /** The API's Channel value. */
    @Override
    public int code() {
        return code;
    }
}
