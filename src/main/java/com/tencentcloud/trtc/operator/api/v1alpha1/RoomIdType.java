package com.tencentcloud.trtc.operator.api.v1alpha1;

/** How clients name the room (the API's RoomIdType): String is code 0, Integer is code 1. */
public enum RoomIdType implements ApiCoded {
    String(0),
    Integer(1);

    private final int code;

    RoomIdType(int code) {
        this.code = code;
    }

    /** The API's RoomIdType value. */
    @Override
    public int code() {
        return code;
    }
}
