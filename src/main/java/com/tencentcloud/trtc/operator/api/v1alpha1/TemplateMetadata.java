package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Labels and annotations a {@link CloudRecordingSchedule} puts on every child it starts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateMetadata {

    @JsonPropertyDescription("Labels for every child CloudRecording, beside trtc.tencentcloud.com/schedule (the schedule's name, which always wins); default none; can change (applies to children started after the change).")
    private Map<String, String> labels;

    @JsonPropertyDescription("Annotations for every child CloudRecording (trtc.tencentcloud.com/ ones are the operator's and are not copied); default none; can change (applies to children started after the change).")
    private Map<String, String> annotations;

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }
}
