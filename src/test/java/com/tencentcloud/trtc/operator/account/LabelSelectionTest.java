package com.tencentcloud.trtc.operator.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.LabelRequirement;
import com.tencentcloud.trtc.operator.api.v1alpha1.LabelRequirement.Operator;
import com.tencentcloud.trtc.operator.api.v1alpha1.NamespaceSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account's namespaceSelector means what a Kubernetes label selector means; absent means no namespace. */
class LabelSelectionTest {

    private static final Map<String, String> TEAM_A = Map.of("team", "a", "tier", "prod");

    @Test
    void anAbsentSelectorAllowsNoNamespaceAndAnEmptyOneEvery() {
        assertThat(LabelSelection.matches(null, TEAM_A)).isFalse();
        assertThat(LabelSelection.matches(new NamespaceSelector(), TEAM_A)).isTrue();
        assertThat(LabelSelection.matches(new NamespaceSelector(), null)).isTrue();
    }

    @Test
    void everyMatchLabelMustHoldWithItsExactValue() {
        assertThat(LabelSelection.matches(new NamespaceSelector(Map.of("team", "a"), null), TEAM_A)).isTrue();
        assertThat(LabelSelection.matches(new NamespaceSelector(Map.of("team", "a", "tier", "dev"), null), TEAM_A)).isFalse();
        assertThat(LabelSelection.matches(new NamespaceSelector(Map.of("team", "a"), null), Map.of())).isFalse();
    }

    @Test
    void expressionsFollowTheirOperators() {
        assertThat(matches(new LabelRequirement("team", Operator.In, List.of("a", "b")))).isTrue();
        assertThat(matches(new LabelRequirement("team", Operator.In, List.of("b")))).isFalse();
        assertThat(matches(new LabelRequirement("team", Operator.NotIn, List.of("b")))).isTrue();
        assertThat(matches(new LabelRequirement("owner", Operator.NotIn, List.of("b")))).as("absent is not in").isTrue();
        assertThat(matches(new LabelRequirement("team", Operator.NotIn, List.of("a")))).isFalse();
        assertThat(matches(new LabelRequirement("tier", Operator.Exists, null))).isTrue();
        assertThat(matches(new LabelRequirement("owner", Operator.Exists, null))).isFalse();
        assertThat(matches(new LabelRequirement("owner", Operator.DoesNotExist, null))).isTrue();
        assertThat(matches(new LabelRequirement("team", Operator.DoesNotExist, null))).isFalse();
    }

    @Test
    void labelsAndExpressionsMustAllHold() {
        NamespaceSelector both = new NamespaceSelector(Map.of("team", "a"),
                List.of(new LabelRequirement("tier", Operator.In, List.of("dev"))));
        assertThat(LabelSelection.matches(both, TEAM_A)).isFalse();
    }

    private static boolean matches(LabelRequirement requirement) {
        return LabelSelection.matches(new NamespaceSelector(null, List.of(requirement)), TEAM_A);
    }
}
