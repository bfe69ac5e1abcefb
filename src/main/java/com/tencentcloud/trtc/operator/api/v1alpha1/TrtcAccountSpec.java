package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * One Tencent Cloud account as a platform team offers it to other teams (design §12): where its API key is kept,
 * which namespaces may record with it, and its limits. Every field can change; a change applies to the next call.
 * No field has a schema default: the defaults are the operator's own settings, resolved in code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrtcAccountSpec {

    @Required
    @JsonPropertyDescription("The Secret holding the account's API key (keys secretId and secretKey, optional token, sdkSecretKey and callbackKey), in a namespace the teams cannot read; required; can change.")
    private SecretReference credentialsSecretRef;

    @JsonPropertyDescription("Namespaces whose CloudRecordings may use this account, by their labels; {} allows every namespace; default (absent) none; can change, and a namespace's label change takes effect at once.")
    private NamespaceSelector namespaceSelector;

    @Size(max = 32)
    @ValidationRule(value = "self in ['ap-beijing', 'ap-guangzhou', 'ap-shanghai', 'ap-singapore']",
            message = "region must be one of ap-beijing, ap-guangzhou, ap-shanghai, ap-singapore")
    @JsonPropertyDescription("Region of the recordings that use this account and set none themselves: ap-beijing, ap-guangzhou, ap-shanghai or ap-singapore; default the operator's TRTC_REGION; can change (for recordings started afterwards).")
    private String region;

    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("Requests per second per action that the operator sends with this account's key, shared by every recording that uses the key; default the operator's TRTC_RATE_LIMIT; can change.")
    private Integer rateLimit;

    @Min(1)
    @JsonPropertyDescription("Live recording tasks per SdkAppId of this account before new recordings wait in line; default the operator's TRTC_MAX_CONCURRENT_TASKS; can change.")
    private Integer maxConcurrentTasks;

    public SecretReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public NamespaceSelector getNamespaceSelector() {
        return namespaceSelector;
    }

    public void setNamespaceSelector(NamespaceSelector namespaceSelector) {
        this.namespaceSelector = namespaceSelector;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Integer getMaxConcurrentTasks() {
        return maxConcurrentTasks;
    }

    public void setMaxConcurrentTasks(Integer maxConcurrentTasks) {
        this.maxConcurrentTasks = maxConcurrentTasks;
    }
}
