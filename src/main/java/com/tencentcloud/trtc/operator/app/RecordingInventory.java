package com.tencentcloud.trtc.operator.app;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Metrics that need the resources rather than the calls, from the reconciler's own cache and transitions (no
 * informer of its own): {@code cloudrecording_resources{phase}} is counted from the reconciler's cache on every
 * scrape, and {@code cloudrecording_time_to_task_id_seconds} is recorded when the reconciler first saves a
 * resource's {@code taskId} ({@code status.createdAt} minus {@code metadata.creationTimestamp}); only the leader
 * reconciles, so two replicas never record the same resource twice.
 */
public final class RecordingInventory implements AutoCloseable {

    private final Supplier<Stream<CloudRecording>> resources;
    private final OperatorMetrics metrics;

    /** @param resources the reconciler's cached resources, read on every scrape */
    public RecordingInventory(Supplier<Stream<CloudRecording>> resources, OperatorMetrics metrics) {
        this.resources = resources;
        this.metrics = metrics;
    }

    /** Registers the phase gauges. */
    public RecordingInventory start() {
        for (CloudRecordingStatus.Phase phase : CloudRecordingStatus.Phase.values()) {
            Gauge.builder("cloudrecording.resources", this, i -> i.count(phase))
                    .description("CloudRecordings by status.phase").tag("phase", phase.name()).strongReference(true)
                    .register(metrics.registry());
        }
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
