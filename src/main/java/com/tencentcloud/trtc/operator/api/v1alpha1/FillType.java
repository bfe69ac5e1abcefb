package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * What fills the picture when a user's video stops (the API's RecordParams.FillType).
 */
public enum FillType implements ApiCoded {
    /** Repeat the last frame: code 0. */
    LastFrame(0),
    /** Black frames: code 1. */
    Black(1);

    private final int code;

    FillType(int code) {
        this.code = code;
    }

    /** The API's FillType value. */
    @Override
    public int code() {
        return code;
    }
}
