package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * An enum of the CRD whose constants stand for integer codes of the TRTC API.
 *
 * <p>Users write the readable name in YAML; the operator sends {@link #code()} to Tencent.
 */
public interface ApiCoded {

    /** The integer the TRTC API uses for this constant. */
    int code();
}
