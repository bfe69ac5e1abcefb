package com.tencentcloud.trtc.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecorderIdsTest {

    @Test
    void sameResourceAlwaysGetsTheSameRobot() {
        assertThat(RecorderIds.derive("media", "allhands", "uid-1")).isEqualTo(RecorderIds.derive("media", "allhands", "uid-1"));
    }

    @Test
    void resourcesDifferingInNamespaceNameOrUidGetDifferentRobots() {
        String base = RecorderIds.derive("media", "allhands", "uid-1");
        assertThat(RecorderIds.derive("other", "allhands", "uid-1")).isNotEqualTo(base);
        assertThat(RecorderIds.derive("media", "allhands2", "uid-1")).isNotEqualTo(base);
        assertThat(RecorderIds.derive("media", "allhands", "uid-2")).isNotEqualTo(base);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "weekly-allhands", "a.very.long.name.with.dots-and-dashes-that-goes-on-and-on", "x--y", "1234567890123"})
    void robotIdIsThirtyTwoCharactersTrtcAccepts(String name) {
        String id = RecorderIds.derive("media", name, "0d9d2f0e-0000-4000-8000-000000000001");
        assertThat(id).hasSize(32).matches("rec-[a-z0-9-]+").doesNotContain("--");
    }
}
