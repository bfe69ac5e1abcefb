package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Subscription allow and block lists (trtc-api §4.2).
 */
public record SubscribeStreamUserIds(
        @JsonProperty("SubscribeAudioUserIds") List<String> subscribeAudioUserIds,
        @JsonProperty("UnSubscribeAudioUserIds") List<String> unSubscribeAudioUserIds,
        @JsonProperty("SubscribeVideoUserIds") List<String> subscribeVideoUserIds,
        @JsonProperty("UnSubscribeVideoUserIds") List<String> unSubscribeVideoUserIds) {
}
