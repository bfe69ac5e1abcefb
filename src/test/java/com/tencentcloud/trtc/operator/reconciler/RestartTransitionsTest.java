package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.EndedTask;
import com.tencentcloud.trtc.operator.api.v1alpha1.RestartPolicy;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.mapping.TaskRestarts;
import com.tencentcloud.trtc.operator.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the end of a task moves status (design §10): {@link StatusTransitions} with a clock that stands still. */
class RestartTransitionsTest {

    static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final StatusTransitions transitions = new StatusTransitions(clock);
    private CloudRecording r;

    @BeforeEach
    void aRecordingWithALiveTask() {
        r = Recordings.load();
        r.getMetadata().setGeneration(1L);
        r.setStatus(transitions.created(r, "robot", "task-1", "req-1", T0, 72));
        clock.advance(Duration.ofMinutes(30));
    }

    @Test
    void aRoomTimeoutPutsTheTaskInTheHistoryAndWaitsTenSecondsToRestart() {
        apply(callback(302, "task-1", null, 100));

        CloudRecordingStatus s = r.getStatus();
        assertThat(s.getPhase()).isEqualTo(Phase.Restarting);
        assertThat(s.getTaskId()).as("kept until the new task exists").isEqualTo("task-1");
        assertThat(s.getTaskHistory()).singleElement().satisfies(t -> {
            assertThat(t.getTaskId()).isEqualTo("task-1");
            assertThat(t.getCreatedAt()).isEqualTo(T0.toString());
            assertThat(t.getEndedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)).toString());
            assertThat(t.getReason()).isEqualTo("RoomTimeout");
        });
        assertThat(condition(r, Conditions.READY).getStatus()).isEqualTo("False");
        assertThat(condition(r, Conditions.READY).getReason()).isEqualTo("Restarting");
        assertThat(condition(r, Conditions.READY).getMessage()).contains("restart 1 of 6");
        assertThat(TaskRestarts.restartAt(s)).isEqualTo(T0.plus(Duration.ofMinutes(30)).plusSeconds(10));
        assertThat(TaskRestarts.awaitingRestart(s)).isTrue();
    }

    @Test
    void theBackOffCountsFromTheMillisecondTheTaskEnded() {
        clock.advance(Duration.ofMillis(750));
        apply(callback(302, "task-1", null, 100));

        assertThat(TaskRestarts.restartAt(r.getStatus())).isEqualTo(clock.instant().plusSeconds(10));
    }

    @Test
    void aDescribeThatFoundTheTaskGoneDoesNotHideTheRoomTimeoutThatExplainsIt() {
        r.setStatus(transitions.ended(r, "req-d", "ResourceNotFound"));
        assertThat(r.getStatus().getPhase()).isEqualTo(Phase.Stopped);

        apply(callback(302, "task-1", null, 100));

        assertThat(r.getStatus().getPhase()).isEqualTo(Phase.Restarting);
        assertThat(r.getStatus().getTaskHistory()).singleElement()
                .satisfies(t -> assertThat(t.getReason()).isEqualTo("RoomTimeout"));
    }

    @Test
    void aFailedStartIsAFailureToo() {
        apply(callback(301, "task-1", 1, null));

        assertThat(r.getStatus().getPhase()).isEqualTo(Phase.Restarting);
        assertThat(r.getStatus().getTaskHistory()).extracting(EndedTask::getReason).containsExactly("StartFailed");
    }

    @Test
    void anIdleTimeoutIsFinal() {
        apply(callback(302, "task-1", null, 99));

        assertThat(r.getStatus().getPhase()).isEqualTo(Phase.Stopped);
        assertThat(condition(r, Conditions.READY).getReason()).isEqualTo("IdleTimeout");
        assertThat(TaskRestarts.awaitingRestart(r.getStatus())).isFalse();
    }

    @Test
    void restartPolicyNeverMakesARoomTimeoutFinal() {
        r.getSpec().setRestartPolicy(RestartPolicy.Never);
        apply(callback(302, "task-1", null, 100));

        assertThat(r.getStatus().getPhase()).isEqualTo(Phase.Stopped);
        assertThat(condition(r, Conditions.READY).getReason()).isEqualTo("RoomTimeout");
        assertThat(condition(r, Conditions.READY).getMessage()).contains("restartPolicy is Never");
    }

    @Test
    void backoffLimitZeroFailsAtTheFirstFailure() {
        r.getSpec().setBackoffLimit(0);
        apply(callback(302, "task-1", null, 100));

        assertThat(r.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(condition(r, Conditions.READY).getReason()).isEqualTo("BackoffLimitExceeded");
    }

    @Test
    void anotherTaskTakingTheRobotsIdIsStalledAndNotFoughtOver() {
        apply(callback(302, "task-1", null, 101));

        assertThat(r.getStatus().getPhase()).isEqualTo(Phase.Stopped);
        assertThat(condition(r, Conditions.STALLED).getStatus()).isEqualTo("True");
        assertThat(condition(r, Conditions.STALLED).getReason()).isEqualTo("RecorderConflict");
        assertThat(TaskRestarts.awaitingRestart(r.getStatus())).isFalse();
    }

    @Test
    void theNewTaskCountsARestartKeepsTheFirstCreationAndMovesTheWindow() {
        apply(callback(302, "task-1", null, 100));
        clock.advance(Duration.ofSeconds(10));
        r.setStatus(transitions.creating(r, "robot"));
        r.setStatus(transitions.created(r, "robot", "task-2", "req-2", clock.instant(), 72));

        CloudRecordingStatus s = r.getStatus();
        assertThat(s.getTaskId()).isEqualTo("task-2");
        assertThat(s.getRestarts()).isEqualTo(1);
        assertThat(s.getFirstCreatedAt()).isEqualTo(T0.toString());
        assertThat(s.getExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(72)).toString());
        assertThat(s.getPhase()).isEqualTo(Phase.Idle);
        assertThat(TaskRestarts.awaitingRestart(s)).isFalse();
    }

    @Test
    void lateEventsOfAnEndedTaskBringTheirFilesAndNothingElse() {
        apply(callback(302, "task-1", null, 100));
        r.setStatus(transitions.created(r, "robot", "task-2", "req-2", clock.instant(), 72));
        StorageFileStatus vod = new StorageFileStatus();
        vod.setFileId("5285890790");

        apply(new RecordingCallback(311, 0, "task-1", 2000, 0, null, List.of(vod), null));
        apply(callback(302, "task-1", null, 100));

        assertThat(r.getStatus().getTaskId()).isEqualTo("task-2");
        assertThat(r.getStatus().getPhase()).isEqualTo(Phase.Idle);
        assertThat(r.getStatus().getRestarts()).isEqualTo(1);
        assertThat(r.getStatus().getStorageFiles()).singleElement().satisfies(f -> {
            assertThat(f.getFileId()).isEqualTo("5285890790");
            assertThat(f.getTaskId()).isEqualTo("task-1");
        });
    }

    @Test
    void aRepeatedRoomTimeoutChangesNothing() {
        apply(callback(302, "task-1", null, 100));
        CloudRecordingStatus once = r.getStatus();
        clock.advance(Duration.ofSeconds(3));
        apply(callback(302, "task-1", null, 100));

        assertThat(r.getStatus().getTaskHistory()).usingRecursiveComparison().isEqualTo(once.getTaskHistory());
        assertThat(condition(r, Conditions.READY).getMessage()).isEqualTo(condition(once, Conditions.READY).getMessage());
    }

    private void apply(RecordingCallback event) {
        r.setStatus(transitions.callback(r, event));
    }

    private static RecordingCallback callback(int type, String taskId, Integer status, Integer leaveCode) {
        return new RecordingCallback(type, 0, taskId, 1000, status, leaveCode, List.of(), null);
    }
}
