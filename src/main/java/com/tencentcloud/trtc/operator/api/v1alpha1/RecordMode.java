package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Recording mode (the API's RecordParams.RecordMode).
 */
public enum RecordMode implements ApiCoded {
    /** Each subscribed user's audio and video recorded separately: code 1. */
    SingleStream(1),
    /** All subscribed streams mixed into one output: code 2. */
    MixedStream(2);

    private final int code;

    RecordMode(int code) {
        this.code = code;
    }

    /** The API's RecordMode value. */
    @Override
    public int code() {
        return code;
    }
}
