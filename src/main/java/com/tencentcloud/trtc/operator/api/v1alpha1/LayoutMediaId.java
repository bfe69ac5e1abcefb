package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Stream shown in a layout window (the API's MixLayout.MediaId and MixLayoutParams.MediaId).
 *
 * <p>Not the same codes as {@link RecordMediaId}.
 */
public enum LayoutMediaId implements ApiCoded {
    /** The main (camera) stream: code 0. */
    Main(0),
    /** The auxiliary (screen share) stream: code 1. */
    Aux(1);

    private final int code;

    LayoutMediaId(int code) {
        this.code = code;
    }

    /** The API's MediaId value. */
    @Override
    public int code() {
        return code;
    }
}
