package com.tencentcloud.trtc.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-01T00:05:00Z");

    @Test
    void transitionTimeMovesOnlyWhenTheStatusChanges() {
        List<Condition> c = Conditions.set(List.of(), "Ready", "False", "Creating", "starting", 1L, T1);
        c = Conditions.set(c, "Ready", "False", "Creating", "still starting", 2L, T2);
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.getLastTransitionTime()).isEqualTo(T1.toString());
            assertThat(x.getMessage()).isEqualTo("still starting");
            assertThat(x.getObservedGeneration()).isEqualTo(2L);
        });
        c = Conditions.set(c, "Ready", "True", "Idle", "started", 2L, T2);
        assertThat(c.get(0).getLastTransitionTime()).isEqualTo(T2.toString());
    }

    @Test
    void conditionsKeepAStableOrderAndOtherTypesAreKept() {
        List<Condition> c = Conditions.set(List.of(), "Stalled", "False", "NoTerminalError", "", 1L, T1);
        c = Conditions.set(c, "Synced", "True", "ReconcileSuccess", "", 1L, T1);
        c = Conditions.set(c, "Ready", "True", "Idle", "", 1L, T1);
        assertThat(c).extracting(Condition::getType).containsExactly("Ready", "Synced", "Stalled");
        assertThat(Conditions.isTrue(c, "Ready")).isTrue();
        assertThat(Conditions.isTrue(c, "Stalled")).isFalse();
        assertThat(Conditions.find(c, "Missing")).isEmpty();
    }
}
