package com.tencentcloud.trtc.operator.account;

import com.tencentcloud.trtc.operator.api.v1alpha1.LabelRequirement;
import com.tencentcloud.trtc.operator.api.v1alpha1.NamespaceSelector;
import java.util.List;
import java.util.Map;

/**
 * Whether a namespace's labels satisfy an account's {@link NamespaceSelector}, with the meaning of a Kubernetes
 * label selector: an absent selector matches nothing, {@code {}} matches everything, otherwise every
 * {@code matchLabels} entry and every requirement must hold.
 *
 * <p>Written here rather than taken from a library: Fabric8's selector classes only build queries for the API
 * server, and these few rules are the whole of the label-selector semantics.
 */
public final class LabelSelection {

    private LabelSelection() {
    }

    public static boolean matches(NamespaceSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null
                && !selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())))) {
            return false;
        }
        return selector.getMatchExpressions() == null
                || selector.getMatchExpressions().stream().allMatch(r -> holds(r, have));
    }

    private static boolean holds(LabelRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case In -> value != null && values.contains(value);
            case NotIn -> value == null || !values.contains(value);
            case Exists -> value != null;
            case DoesNotExist -> value == null;
        };
    }
}
