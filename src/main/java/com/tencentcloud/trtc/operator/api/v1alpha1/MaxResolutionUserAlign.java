package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Side of the large window in the screen-sharing layout (the API's MixLayoutParams.MaxResolutionUserAlign).
 */
public enum MaxResolutionUserAlign implements ApiCoded {
    /** Large window on the left: code 0. */
    Left(0),
    /** Large window on the right, small windows on the left: code 1. */
    Right(1);

    private final int code;

    MaxResolutionUserAlign(int code) {
        this.code = code;
    }

    /** The API's MaxResolutionUserAlign value. */
    @Override
    public int code() {
        return code;
    }
}
