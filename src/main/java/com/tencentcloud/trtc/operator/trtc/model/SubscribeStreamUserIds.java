package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Subscription allow and block lists (trtc-api §4.2).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class SubscribeStreamUserIds {

    @JsonProperty("SubscribeAudioUserIds")
    private List<String> subscribeAudioUserIds;
    @JsonProperty("UnSubscribeAudioUserIds")
    private List<String> unSubscribeAudioUserIds;
    @JsonProperty("SubscribeVideoUserIds")
    private List<String> subscribeVideoUserIds;
    @JsonProperty("UnSubscribeVideoUserIds")
    private List<String> unSubscribeVideoUserIds;

    public List<String> getSubscribeAudioUserIds() {
        return subscribeAudioUserIds;
    }

    public SubscribeStreamUserIds setSubscribeAudioUserIds(List<String> subscribeAudioUserIds) {
        this.subscribeAudioUserIds = subscribeAudioUserIds;
        return this;
    }

    public List<String> getUnSubscribeAudioUserIds() {
        return unSubscribeAudioUserIds;
    }

    public SubscribeStreamUserIds setUnSubscribeAudioUserIds(List<String> unSubscribeAudioUserIds) {
        this.unSubscribeAudioUserIds = unSubscribeAudioUserIds;
        return this;
    }

    public List<String> getSubscribeVideoUserIds() {
        return subscribeVideoUserIds;
    }

    public SubscribeStreamUserIds setSubscribeVideoUserIds(List<String> subscribeVideoUserIds) {
        this.subscribeVideoUserIds = subscribeVideoUserIds;
        return this;
    }

    public List<String> getUnSubscribeVideoUserIds() {
        return unSubscribeVideoUserIds;
    }

    public SubscribeStreamUserIds setUnSubscribeVideoUserIds(List<String> unSubscribeVideoUserIds) {
        this.unSubscribeVideoUserIds = unSubscribeVideoUserIds;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SubscribeStreamUserIds other)) {
            return false;
        }
        return Objects.equals(subscribeAudioUserIds, other.subscribeAudioUserIds)
                && Objects.equals(unSubscribeAudioUserIds, other.unSubscribeAudioUserIds)
                && Objects.equals(subscribeVideoUserIds, other.subscribeVideoUserIds)
                && Objects.equals(unSubscribeVideoUserIds, other.unSubscribeVideoUserIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subscribeAudioUserIds, unSubscribeAudioUserIds, subscribeVideoUserIds, unSubscribeVideoUserIds);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "SubscribeStreamUserIds{"
                + "SubscribeAudioUserIds=" + subscribeAudioUserIds
                + ", UnSubscribeAudioUserIds=" + unSubscribeAudioUserIds
                + ", SubscribeVideoUserIds=" + subscribeVideoUserIds
                + ", UnSubscribeVideoUserIds=" + unSubscribeVideoUserIds
                + "}";
    }
}
