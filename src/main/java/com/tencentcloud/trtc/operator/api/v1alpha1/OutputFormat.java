package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * File format for COS or S3 destinations (the API's RecordParams.OutputFormat).
 *
 * <p>Its codes differ from those of {@link VodMediaType}, which has the same names.
 */
public enum OutputFormat implements ApiCoded {
    /** HLS: code 0. */
    HLS(0),
    /** HLS and MP4: code 1. */
    HLSAndMP4(1),
    /** HLS and AAC: code 2. */
    HLSAndAAC(2),
    /** MP4: code 3. */
    MP4(3),
    /** AAC: code 4. */
    AAC(4);

    private final int code;

    OutputFormat(int code) {
        this.code = code;
    }

    /** The API's OutputFormat value. */
    @Override
    public int code() {
        return code;
    }
}
