package com.tencentcloud.trtc.operator.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestartMetricTest {

    @Test
    void restartsAreCountedByABoundedReasonAndEachSeriesExistsFromTheStart() {
        OperatorMetrics metrics = new OperatorMetrics();
        assertThat(metrics.scrape()).contains("trtc_recording_restarts_total{reason=\"RoomTimeout\"} 0.0")
                .contains("trtc_recording_restarts_total{reason=\"StartFailed\"} 0.0");

        metrics.taskRestarted("RoomTimeout");
        metrics.taskRestarted("RoomTimeout");
        metrics.taskRestarted("SomethingNew");

        assertThat(metrics.scrape()).contains("trtc_recording_restarts_total{reason=\"RoomTimeout\"} 2.0")
                .contains("trtc_recording_restarts_total{reason=\"Other\"} 1.0")
                .doesNotContain("SomethingNew");
    }
}
