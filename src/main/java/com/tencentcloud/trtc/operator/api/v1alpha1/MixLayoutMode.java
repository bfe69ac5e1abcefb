package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Layout template of a mixed recording (the API's MixLayoutParams.MixLayoutMode).
 */
public enum MixLayoutMode implements ApiCoded {
    /** One large window with small windows floating over it: code 1. */
    Floating(1),
    /** One large window beside a column of small ones: code 2. */
    ScreenSharing(2),
    /** Windows of equal size: code 3. */
    Grid(3),
    /** Windows placed by the layout list: code 4. */
    Custom(4);

    private final int code;

    MixLayoutMode(int code) {
        this.code = code;
    }

    /** The API's MixLayoutMode value. */
    @Override
    public int code() {
        return code;
    }
}
