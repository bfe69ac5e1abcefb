package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Tencent COS or AWS S3 storage (trtc-api §4.4).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class CloudStorage {

    @JsonProperty("Vendor")
    private Long vendor;
    @JsonProperty("Region")
    private String region;
    @JsonProperty("Bucket")
    private String bucket;
    @JsonProperty("AccessKey")
    private String accessKey;
    @JsonProperty("SecretKey")
    private String secretKey;
    @JsonProperty("FileNamePrefix")
    private List<String> fileNamePrefix;
    @JsonProperty("EndpointUrl")
    private String endpointUrl;

    public Long getVendor() {
        return vendor;
    }

    public CloudStorage setVendor(Long vendor) {
        this.vendor = vendor;
        return this;
    }

    public String getRegion() {
        return region;
    }

    public CloudStorage setRegion(String region) {
        this.region = region;
        return this;
    }

    public String getBucket() {
        return bucket;
    }

    public CloudStorage setBucket(String bucket) {
        this.bucket = bucket;
        return this;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public CloudStorage setAccessKey(String accessKey) {
        this.accessKey = accessKey;
        return this;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public CloudStorage setSecretKey(String secretKey) {
        this.secretKey = secretKey;
        return this;
    }

    public List<String> getFileNamePrefix() {
        return fileNamePrefix;
    }

    public CloudStorage setFileNamePrefix(List<String> fileNamePrefix) {
        this.fileNamePrefix = fileNamePrefix;
        return this;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    public CloudStorage setEndpointUrl(String endpointUrl) {
        this.endpointUrl = endpointUrl;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CloudStorage other)) {
            return false;
        }
        return Objects.equals(vendor, other.vendor)
                && Objects.equals(region, other.region)
                && Objects.equals(bucket, other.bucket)
                && Objects.equals(accessKey, other.accessKey)
                && Objects.equals(secretKey, other.secretKey)
                && Objects.equals(fileNamePrefix, other.fileNamePrefix)
                && Objects.equals(endpointUrl, other.endpointUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vendor, region, bucket, accessKey, secretKey, fileNamePrefix, endpointUrl);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "CloudStorage{"
                + "Vendor=" + vendor
                + ", Region=" + region
                + ", Bucket=" + bucket
                + ", AccessKey=" + (accessKey == null ? null : "<redacted>")
                + ", SecretKey=" + (secretKey == null ? null : "<redacted>")
                + ", FileNamePrefix=" + fileNamePrefix
                + ", EndpointUrl=" + endpointUrl
                + "}";
    }
}
