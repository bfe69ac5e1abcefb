package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Whose streams are recorded: the API's SubscribeStreamUserIds.
 *
 * <p>An entry ending in {@code .*$} matches user ids by prefix. For audio and for video, an allowlist and a blocklist
 * cannot both be set. It can change while recording; ModifyCloudRecording replaces it whole.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.subscribeAudioUserIds) && has(self.unSubscribeAudioUserIds))",
        message = "set at most one of subscribeAudioUserIds (allowlist) and unSubscribeAudioUserIds (blocklist)")
@ValidationRule(value = "!(has(self.subscribeVideoUserIds) && has(self.unSubscribeVideoUserIds))",
        message = "set at most one of subscribeVideoUserIds (allowlist) and unSubscribeVideoUserIds (blocklist)")
public class SubscribeStreamUserIds {

    @Size(max = 32)
    @JsonPropertyDescription("Audio allowlist of at most 32 user ids, an entry ending in .*$ matching by prefix (SubscribeAudioUserIds); not together with unSubscribeAudioUserIds; default all audio; can change.")
    private List<@Size(max = 64) String> subscribeAudioUserIds;

    @Size(max = 32)
    @JsonPropertyDescription("Audio blocklist of at most 32 user ids, an entry ending in .*$ matching by prefix (UnSubscribeAudioUserIds); not together with subscribeAudioUserIds; default none; can change.")
    private List<@Size(max = 64) String> unSubscribeAudioUserIds;

    @Size(max = 32)
    @JsonPropertyDescription("Video allowlist of at most 32 user ids, an entry ending in .*$ matching by prefix (SubscribeVideoUserIds); not together with unSubscribeVideoUserIds; default all video; can change.")
    private List<@Size(max = 64) String> subscribeVideoUserIds;

    @Size(max = 32)
    @JsonPropertyDescription("Video blocklist of at most 32 user ids, an entry ending in .*$ matching by prefix (UnSubscribeVideoUserIds); not together with subscribeVideoUserIds; default none; can change.")
    private List<@Size(max = 64) String> unSubscribeVideoUserIds;

    public List<String> getSubscribeAudioUserIds() {
        return subscribeAudioUserIds;
    }

    public void setSubscribeAudioUserIds(List<String> subscribeAudioUserIds) {
        this.subscribeAudioUserIds = subscribeAudioUserIds;
    }

    public List<String> getUnSubscribeAudioUserIds() {
        return unSubscribeAudioUserIds;
    }

    public void setUnSubscribeAudioUserIds(List<String> unSubscribeAudioUserIds) {
        this.unSubscribeAudioUserIds = unSubscribeAudioUserIds;
    }

    public List<String> getSubscribeVideoUserIds() {
        return subscribeVideoUserIds;
    }

    public void setSubscribeVideoUserIds(List<String> subscribeVideoUserIds) {
        this.subscribeVideoUserIds = subscribeVideoUserIds;
    }

    public List<String> getUnSubscribeVideoUserIds() {
        return unSubscribeVideoUserIds;
    }

    public void setUnSubscribeVideoUserIds(List<String> unSubscribeVideoUserIds) {
        this.unSubscribeVideoUserIds = unSubscribeVideoUserIds;
    }
}
