package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One requirement of a {@link NamespaceSelector}, as in a Kubernetes label selector's {@code matchExpressions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.operator in ['Exists', 'DoesNotExist'] ? !has(self.values) || size(self.values) == 0 : has(self.values) && size(self.values) > 0",
        message = "values must be non-empty for In and NotIn, and empty for Exists and DoesNotExist")
public class LabelRequirement {

    /** How the label's value is compared with {@code values}. */
    public enum Operator {
        In, NotIn, Exists, DoesNotExist
    }

    @Required
    @Size(min = 1, max = 317)
    @JsonPropertyDescription("The label key the requirement is about; required; can change.")
    private String key;

    @Required
    @JsonPropertyDescription("In (the label has one of values), NotIn (it is absent or has none of values), Exists or DoesNotExist; required; can change.")
    private Operator operator;

    @JsonPropertyDescription("The values for In and NotIn (non-empty), empty for Exists and DoesNotExist; default none; can change.")
    private List<String> values;

    public LabelRequirement() {
    }

    public LabelRequirement(String key, Operator operator, List<String> values) {
        this.key = key;
        this.operator = operator;
        this.values = values;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public Operator getOperator() {
        return operator;
    }

    public void setOperator(Operator operator) {
        this.operator = operator;
    }

    public List<String> getValues() {
        return values;
    }

    public void setValues(List<String> values) {
        this.values = values;
    }
}
