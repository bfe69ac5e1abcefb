package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * A Tencent COS, AWS S3 or S3-compatible bucket: the API's CloudStorage.
 *
 * <p>The keys are never written inline: {@code accessKeySecretRef} and {@code secretKeySecretRef} name Secret keys that
 * the operator reads when it creates the task. Fixed when the task is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CloudStorage {

    @Required
    @JsonPropertyDescription("Storage provider (Vendor): TencentCOS (0) or AWSS3 (1); required; cannot change.")
    private StorageVendor vendor;

    @Required
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Region of the bucket, for example ap-shanghai for COS or us-east-1 for S3 (Region); required; cannot change.")
    private String region;

    @Required
    @Size(min = 1, max = 255)
    @JsonPropertyDescription("Name of the bucket (Bucket); required; cannot change.")
    private String bucket;

    @Required
    @JsonPropertyDescription("Secret key holding the storage access key (AccessKey; for COS a Tencent Cloud SecretId); required; cannot change.")
    private SecretKeySelector accessKeySecretRef;

    @Required
    @JsonPropertyDescription("Secret key holding the storage secret key (SecretKey); required; cannot change.")
    private SecretKeySelector secretKeySecretRef;

    @Size(max = 16)
    @JsonPropertyDescription("Path elements put before <TaskId>/ in object names, at most 16 of at most 64 characters of [A-Za-z0-9_-] each (FileNamePrefix), e.g. [a, b] stores a/b/<TaskId>/...; default none; cannot change.")
    private List<@Pattern("^[A-Za-z0-9_-]+$") @Size(min = 1, max = 64) String> fileNamePrefix;

    @Size(max = 512)
    @JsonPropertyDescription("Endpoint of an S3-compatible store such as Cloudflare R2, international site only (EndpointUrl); default the vendor's own endpoint; cannot change.")
    private String endpointUrl;

    public StorageVendor getVendor() {
        return vendor;
    }

    public void setVendor(StorageVendor vendor) {
        this.vendor = vendor;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public SecretKeySelector getAccessKeySecretRef() {
        return accessKeySecretRef;
    }

    public void setAccessKeySecretRef(SecretKeySelector accessKeySecretRef) {
        this.accessKeySecretRef = accessKeySecretRef;
    }

    public SecretKeySelector getSecretKeySecretRef() {
        return secretKeySecretRef;
    }

    public void setSecretKeySecretRef(SecretKeySelector secretKeySecretRef) {
        this.secretKeySecretRef = secretKeySecretRef;
    }

    public List<String> getFileNamePrefix() {
        return fileNamePrefix;
    }

    public void setFileNamePrefix(List<String> fileNamePrefix) {
        this.fileNamePrefix = fileNamePrefix;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = endpointUrl;
    }
}
