package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Format uploaded to VOD (the API's TencentVod.MediaType).
 *
 * <p>Its codes differ from those of {@link OutputFormat}, which has the same names.
 */
public enum VodMediaType implements ApiCoded {
    /** MP4: code 0. */
    MP4(0),
    /** HLS: code 1. */
    HLS(1),
    /** AAC, only with stream type AudioOnly: code 2. */
    AAC(2),
    /** HLS and MP4: code 3. */
    HLSAndMP4(3),
    /** HLS and AAC, only with stream type AudioOnly: code 4. */
    HLSAndAAC(4);

    private final int code;

    VodMediaType(int code) {
        this.code = code;
    }

    /** The API's TencentVod.MediaType value. */
    @Override
    public int code() {
        return code;
    }
}
