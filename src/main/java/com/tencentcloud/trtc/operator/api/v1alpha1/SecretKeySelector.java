package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One key of a Secret in the resource's own namespace. */
public class SecretKeySelector {

    @Required
    @JsonPropertyDescription("Name of the Secret, in the same namespace as the CloudRecording.")
    private String name;

    @Required
    @JsonPropertyDescription("The key within the Secret whose value is used.")
    private String key;

    public SecretKeySelector() {
    }

    public SecretKeySelector(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
