package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.EndedTask;
import com.tencentcloud.trtc.operator.mapping.TaskRestarts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Decides when a recording whose task ended by fault gets its new task (design §10), and then hands over to the
 * creation path that every first task takes.
 *
 * <p>A failure is recorded by {@link StatusTransitions} when its callback is applied: the task goes into
 * {@code taskHistory}, and the phase becomes {@code Restarting} (or {@code Stopped}/{@code Failed} when the spec allows
 * no restart). Everything this class needs is in status, so a process that crashed while waiting picks up where it
 * stopped: the new task is due at the end of the last task plus the back-off ({@link TaskRestarts#restartAt}). When
 * it is due, the decision is made again against the spec as it is then ({@code restartPolicy}, {@code backoffLimit}
 * and {@code maxDuration} can change), and the create step is called: the create-pending mark, the same robot user id,
 * and a retry after an unknown outcome that replaces rather than duplicates. A recording that is deleted or paused
 * never reaches this step. A {@code Failed} recording whose restarts are used up stays as it is.
 */
final class TaskRestarter {

    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final Clock clock;
    private final PollBudget budget;
    private final BiConsumer<CloudRecording, String> restarted;

    /** @param restarted told of each new task started in place of a failed one, with the failed task's end reason */
    TaskRestarter(ResourceWriter writer, StatusTransitions transitions, EventRecorder events, Clock clock,
                  PollBudget budget, BiConsumer<CloudRecording, String> restarted) {
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
        this.budget = budget;
        this.restarted = restarted;
    }

    /**
     * The step for {@code r} when its own task has ended and it waits to restart or has restarted for the last time;
     * empty when its task is live or ended for good (the other steps handle those).
     *
     * @param create the creation path of a first task, which the restart ends with
     */
    Optional<Step> step(CloudRecording r, Function<CloudRecording, Step> create) {
        CloudRecordingStatus s = r.getStatus();
        if (s == null || TaskRestarts.ended(s, s.getTaskId()).isEmpty()) {
            return Optional.empty();
        }
        budget.release(r.getMetadata().getUid());
        if (s.getPhase() == Phase.Failed) {
            return Optional.of(Step.done(r));
        }
        if (!TaskRestarts.awaitingRestart(s)) {
            return Optional.empty();
        }
        if (s.getPhase() != Phase.Restarting) {
            return Optional.of(handOver(r, create));
        }
        Instant now = clock.instant();
        if (!Objects.equals(s.getObservedGeneration(), r.getMetadata().getGeneration())
                || TaskRestarts.decide(r, s, now) != TaskRestarts.Decision.RESTART) {
            r = writer.writeStatus(r, transitions.restartReconsidered(r));
            if (r.getStatus().getPhase() != Phase.Restarting) {
                return Optional.of(Step.done(r));
            }
        }
        Duration wait = Duration.between(now, TaskRestarts.restartAt(r.getStatus()));
        if (!wait.isNegative() && !wait.isZero()) {
            return Optional.of(Step.requeue(r, wait));
        }
        return Optional.of(handOver(r, create));
    }

    private Step handOver(CloudRecording r, Function<CloudRecording, Step> create) {
        CloudRecordingStatus before = r.getStatus();
        EndedTask failed = TaskRestarts.ended(before, before.getTaskId()).orElseThrow();
        Step step = create.apply(r);
        CloudRecording after = step.resource();
        String newTask = after == null || after.getStatus() == null ? null : after.getStatus().getTaskId();
        if (newTask != null && !newTask.equals(failed.getTaskId())) {
            events.warning(after, TaskRestarts.EVENT_TASK_RESTARTED, "Task " + failed.getTaskId() + " ended by fault ("
                    + failed.getReason() + "); started task " + newTask + " in its place (restart "
                    + TaskRestarts.restarts(after.getStatus()) + " of " + TaskRestarts.backoffLimit(after.getSpec()) + ")");
            restarted.accept(after, failed.getReason());
        }
        return step;
    }
}
