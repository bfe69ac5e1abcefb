package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tencent VOD storage (trtc-api §4.5).
 */
public record CloudVod(
        @JsonProperty("TencentVod") TencentVod tencentVod) {
}
