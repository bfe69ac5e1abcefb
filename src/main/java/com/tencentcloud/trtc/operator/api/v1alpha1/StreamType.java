package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Media to record (the API's RecordParams.StreamType).
 */
public enum StreamType implements ApiCoded {
    /** Audio and video: code 0. */
    AudioVideo(0),
    /** Audio only: code 1. */
    AudioOnly(1),
    /** Video only: code 2. */
    VideoOnly(2);

    private final int code;

    StreamType(int code) {
        this.code = code;
    }

    /** The API's StreamType value. */
    @Override
    public int code() {
        return code;
    }
}
