package com.tencentcloud.trtc.operator.api.v1alpha1;

/**
 * Provider of a cloud storage destination (the API's CloudStorage.Vendor).
 */
public enum StorageVendor implements ApiCoded {
    /** Tencent Cloud Object Storage: code 0. */
    TencentCOS(0),
    /** Amazon S3 or an S3-compatible store: code 1. */
    AWSS3(1);

    private final int code;

    StorageVendor(int code) {
        this.code = code;
    }

    /** The API's Vendor value. */
    @Override
    public int code() {
        return code;
    }
}
