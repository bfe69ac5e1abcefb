package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The CloudRecording a {@link CloudRecordingSchedule} starts at every slot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CloudRecordingTemplate {

    @JsonPropertyDescription("Labels and annotations of every child CloudRecording; default none; can change (applies to children started after the change).")
    private TemplateMetadata metadata;

    @Required
    @JsonPropertyDescription("The spec of every child CloudRecording, validated as a CloudRecording's spec; required; can change (applies to children started after the change, never to a running one).")
    private CloudRecordingTemplateSpec spec;

    public TemplateMetadata getMetadata() {
        return metadata;
    }

    public void setMetadata(TemplateMetadata metadata) {
        this.metadata = metadata;
    }

    public CloudRecordingTemplateSpec getSpec() {
        return spec;
    }

    public void setSpec(CloudRecordingTemplateSpec spec) {
        this.spec = spec;
    }
}
