package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Which streams of each user are recorded (the API's RecordParams.MediaId).
 */
public enum RecordMediaId implements ApiCoded {
    /** The main (camera) and the auxiliary (screen share) stream: code 0. */
    MainAndAux(0),
    /** The main stream only: code 1. */
    Main(1),
    /** The auxiliary stream only: code 2. */
    Aux(2);

    private final int code;

    RecordMediaId(int code) {
        this.code = code;
    }

    /** The API's RecordParams.MediaId value. */
    @Override
    public int code() {
        return code;
    }
}
