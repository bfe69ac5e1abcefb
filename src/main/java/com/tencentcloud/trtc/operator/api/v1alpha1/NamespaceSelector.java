package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/**
 * Which namespaces may use a {@link TrtcAccount}, by their labels, with the meaning of a Kubernetes label selector:
 * every {@code matchLabels} entry and every {@code matchExpressions} requirement must hold; an empty selector
 * ({@code {}}) matches every namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceSelector {

    @JsonPropertyDescription("Labels a namespace must carry, each with exactly this value; default none required; can change.")
    private Map<String, String> matchLabels;

    @JsonPropertyDescription("Further requirements on a namespace's labels, all of which must hold; default none; can change.")
    private List<LabelRequirement> matchExpressions;

    public NamespaceSelector() {
    }

    public NamespaceSelector(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {
        this.matchLabels = matchLabels;
        this.matchExpressions = matchExpressions;
    }

    public Map<String, String> getMatchLabels() {
        return matchLabels;
    }

    public void setMatchLabels(Map<String, String> matchLabels) {
        this.matchLabels = matchLabels;
    }

    public List<LabelRequirement> getMatchExpressions() {
        return matchExpressions;
    }

    public void setMatchExpressions(List<LabelRequirement> matchExpressions) {
        this.matchExpressions = matchExpressions;
    }
}
