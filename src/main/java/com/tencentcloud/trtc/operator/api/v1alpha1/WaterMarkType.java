package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Kind of watermark (the API's WaterMark.WaterMarkType).
 */
public enum WaterMarkType implements ApiCoded {
    /** An image, from waterMarkImage: code 0. */
    Image(0),
    /** Text, from waterMarkChar (the API's WaterMarkChar): code 1. */
    Text(1),
    /** The current time, from waterMarkTimestamp: code 2. */
    Timestamp(2);

    private final int code;

    WaterMarkType(int code) {
        this.code = code;
    }

    /** The API's WaterMarkType value. */
    @Override
    public int code() {
        return code;
    }
}
