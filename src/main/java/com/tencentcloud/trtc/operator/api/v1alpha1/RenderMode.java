package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * How a picture is fitted into a window of another aspect ratio (the API's RenderMode and BackgroundImageRenderMode).
 */
public enum RenderMode implements ApiCoded {
    /** Stretch to fill, possibly distorting: code 0. */
    Stretch(0),
    /** Keep the aspect ratio and crop to fill: code 1. */
    Crop(1),
    /** Keep the aspect ratio and show background bars: code 2. */
    Letterbox(2),
    /** Like Crop, cropping at most 20% of the width or height: code 3. */
    SmartStretch(3);

    private final int code;

    RenderMode(int code) {
        this.code = code;
    }

    /** The API's RenderMode value. */
    @Override
    public int code() {
        return code;
    }
}
