package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * VOD upload parameters (trtc-api §4.6).
 */
public record TencentVod(
        @JsonProperty("Procedure") String procedure,
        @JsonProperty("ExpireTime") Long expireTime,
        @JsonProperty("StorageRegion") String storageRegion,
        @JsonProperty("ClassId") Long classId,
        @JsonProperty("SubAppId") Long subAppId,
        @JsonProperty("SessionContext") String sessionContext,
        @JsonProperty("SourceContext") String sourceContext,
        @JsonProperty("MediaType") Long mediaType,
        @JsonProperty("UserDefineRecordId") String userDefineRecordId) {
}
