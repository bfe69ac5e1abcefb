package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Tencent COS or AWS S3 storage (trtc-api §4.4).
 */
public record CloudStorage(
        @JsonProperty("Vendor") Long vendor,
        @JsonProperty("Region") String region,
        @JsonProperty("Bucket") String bucket,
        @JsonProperty("AccessKey") String accessKey,
        @JsonProperty("SecretKey") String secretKey,
        @JsonProperty("FileNamePrefix") List<String> fileNamePrefix,
        @JsonProperty("EndpointUrl") String endpointUrl) {

    /** Field values for diagnostics, with accessKey and secretKey redacted. */
    @Override
    public String toString() {
        return "CloudStorage[vendor=" + vendor
                + ", region=" + region
                + ", bucket=" + bucket
                + ", accessKey=" + (accessKey == null ? null : "<redacted>")
                + ", secretKey=" + (secretKey == null ? null : "<redacted>")
                + ", fileNamePrefix=" + fileNamePrefix
                + ", endpointUrl=" + endpointUrl + "]";
    }
}
