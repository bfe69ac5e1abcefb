package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Where the files go: exactly one of CloudStorage and CloudVod (trtc-api §4.3).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class StorageParams {

    @JsonProperty("CloudStorage")
    private CloudStorage cloudStorage;
    @JsonProperty("CloudVod")
    private CloudVod cloudVod;

    public CloudStorage getCloudStorage() {
        return cloudStorage;
    }

    public StorageParams setCloudStorage(CloudStorage cloudStorage) {
        this.cloudStorage = cloudStorage;
        return this;
    }

    public CloudVod getCloudVod() {
        return cloudVod;
    }

    public StorageParams setCloudVod(CloudVod cloudVod) {
        this.cloudVod = cloudVod;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StorageParams other)) {
            return false;
        }
        return Objects.equals(cloudStorage, other.cloudStorage)
                && Objects.equals(cloudVod, other.cloudVod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cloudStorage, cloudVod);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "StorageParams{"
                + "CloudStorage=" + cloudStorage
                + ", CloudVod=" + cloudVod
                + "}";
    }
}
