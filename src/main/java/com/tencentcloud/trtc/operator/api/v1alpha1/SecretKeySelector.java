package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One key of a Secret in the resource's own namespace. */
public class SecretKeySelector {

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Name of the Secret, in the same namespace as the CloudRecording; required; cannot change.")
    private String name;

    @Required
    @Pattern("^[-._a-zA-Z0-9]+$")
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("The key within the Secret whose value is used; required; cannot change.")
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
