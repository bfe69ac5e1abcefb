package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Where the files go: the API's StorageParams, with exactly one of {@code cloudStorage} and {@code cloudVod}.
 * Fixed when the task is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.cloudStorage) != has(self.cloudVod)",
        message = "set exactly one of cloudStorage and cloudVod")
public class StorageParams {

    @JsonPropertyDescription("Tencent COS, AWS S3 or S3-compatible bucket to upload to (CloudStorage); exactly one of cloudStorage and cloudVod; cannot change.")
    private CloudStorage cloudStorage;

    @JsonPropertyDescription("Tencent VOD to upload to (CloudVod); exactly one of cloudStorage and cloudVod; cannot change.")
    private CloudVod cloudVod;

    public CloudStorage getCloudStorage() {
        return cloudStorage;
    }

    public void setCloudStorage(CloudStorage cloudStorage) {
        this.cloudStorage = cloudStorage;
    }

    public CloudVod getCloudVod() {
        return cloudVod;
    }

    public void setCloudVod(CloudVod cloudVod) {
        this.cloudVod = cloudVod;
    }
}
