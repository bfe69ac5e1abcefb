package com.tencentcloud.trtc.operator.app;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Metrics that need the resources rather than the calls, from the reconciler's own cache and transitions (no
 * informer of its own): {@code cloudrecording_resources{phase}} is counted from the reconciler's cache on every
 * scrape, and {@code cloudrecording_time_to_task_id_seconds} is recorded when the reconciler first saves a
 * resource's {@code taskId} ({@code status.createdAt} minus {@code metadata.creationTimestamp}); only the leader
 * reconciles, so two replicas never record the same resource twice. Also counted on every scrape:
 * {@code cloudrecording_stalled_resources} (condition {@code Stalled=True}) and
 * {@code cloudrecording_expiring_soon_resources} (live, {@code Idle} or {@code Recording}, with {@code expiresAt}
 * less than {@link #EXPIRING_SOON} away: after it the operator can no longer stop the task).
 */
public final class RecordingInventory implements AutoCloseable {

    /** How close to {@code expiresAt} a live recording counts as expiring soon. */
    public static final Duration EXPIRING_SOON = Duration.ofHours(1);

    private static final Set<CloudRecordingStatus.Phase> LIVE = EnumSet.of(CloudRecordingStatus.Phase.Idle,
            CloudRecordingStatus.Phase.Recording);

    private final Supplier<Stream<CloudRecording>> resources;
    private final OperatorMetrics metrics;
    private final Clock clock;

    /** @param resources the reconciler's cached resources, read on every scrape */
    public RecordingInventory(Supplier<Stream<CloudRecording>> resources, OperatorMetrics metrics) {
        this(resources, metrics, Clock.systemUTC());
    }

    /**
     * @param resources the reconciler's cached resources, read on every scrape
     * @param clock     what "soon" is measured from
     */
    public RecordingInventory(Supplier<Stream<CloudRecording>> resources, OperatorMetrics metrics, Clock clock) {
        this.resources = resources;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Registers the phase gauges. */
    public RecordingInventory start() {
        for (CloudRecordingStatus.Phase phase : CloudRecordingStatus.Phase.values()) {
            Gauge.builder("cloudrecording.resources", this, i -> i.count(phase))
                    .description("CloudRecordings by status.phase").tag("phase", phase.name()).strongReference(true)
                    .register(metrics.registry());
        }
        Gauge.builder("cloudrecording.stalled.resources", this, i -> i.resources.get().filter(RecordingInventory::stalled).count())
                .description("CloudRecordings whose Stalled condition is True (retrying cannot fix them)")
                .strongReference(true).register(metrics.registry());
        Gauge.builder("cloudrecording.expiring.soon.resources", this, i -> i.resources.get().filter(i::expiringSoon).count())
                .description("Live CloudRecordings (Idle, Recording) whose management window ends within the hour")
                .strongReference(true).register(metrics.registry());
        return this;
    }

    /** The reconciler saved the first {@code taskId} of {@code r}. */
    public void taskStarted(CloudRecording r) {
        elapsedToTaskId(r).ifPresent(metrics::recordTimeToTaskId);
    }

    @Override
    public void close() {
    }

    private double count(CloudRecordingStatus.Phase phase) {
        return resources.get().filter(r -> phaseOf(r) == phase).count();
    }

    private static boolean stalled(CloudRecording r) {
        return r.getStatus() != null && r.getStatus().getConditions() != null && r.getStatus().getConditions().stream()
                .anyMatch(c -> Conditions.STALLED.equals(c.getType()) && Conditions.TRUE.equals(c.getStatus()));
    }

    private boolean expiringSoon(CloudRecording r) {
        if (!LIVE.contains(phaseOf(r)) || r.getStatus().getExpiresAt() == null) {
            return false;
        }
        try {
            return Instant.parse(r.getStatus().getExpiresAt()).isBefore(clock.instant().plus(EXPIRING_SOON));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static CloudRecordingStatus.Phase phaseOf(CloudRecording r) {
        return r.getStatus() == null || r.getStatus().getPhase() == null
                ? CloudRecordingStatus.Phase.Pending : r.getStatus().getPhase();
    }

    private static String taskId(CloudRecording r) {
        return r.getStatus() == null ? null : r.getStatus().getTaskId();
    }

    static Optional<Duration> elapsedToTaskId(CloudRecording r) {
        String created = r.getMetadata() == null ? null : r.getMetadata().getCreationTimestamp();
        String taskCreated = r.getStatus() == null ? null : r.getStatus().getCreatedAt();
        if (created == null || taskCreated == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(Instant.parse(created), Instant.parse(taskCreated)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
