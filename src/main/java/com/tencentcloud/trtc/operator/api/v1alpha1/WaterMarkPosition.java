package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Where a timestamp watermark is drawn (the API's WaterMarkTimestamp.Pos).
 */
public enum WaterMarkPosition implements ApiCoded {
    /** Top left: code 0. */
    TopLeft(0),
    /** Top right: code 1. */
    TopRight(1),
    /** Bottom left: code 2. */
    BottomLeft(2),
    /** Bottom right: code 3. */
    BottomRight(3),
    /** Top centre: code 4. */
    TopCenter(4),
    /** Bottom centre: code 5. */
    BottomCenter(5),
    /** Centre: code 6. */
    Center(6);

    private final int code;

    WaterMarkPosition(int code) {
        this.code = code;
    }

    /** The API's Pos value. */
    @Override
    public int code() {
        return code;
    }
}
