package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the files go: exactly one of CloudStorage and CloudVod (trtc-api §4.3).
 */
public record StorageParams(
        @JsonProperty("CloudStorage") CloudStorage cloudStorage,
        @JsonProperty("CloudVod") CloudVod cloudVod) {
}
