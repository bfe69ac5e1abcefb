package com.tencentcloud.trtc.operator.app;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Watches the CloudRecordings the operator manages, read-only, for metrics that need the resources rather than the
 * calls: {@code cloudrecording_resources{phase}} is counted from its cache on every scrape, and
 * {@code cloudrecording_time_to_task_id_seconds} is recorded when a resource first shows a {@code taskId}
 * ({@code status.createdAt} minus {@code metadata.creationTimestamp}), by the leader only, so that two replicas do
 * not record the same resource twice.
 */
public final class RecordingInventory implements AutoCloseable {

    private final KubernetesClient client;
    private final Set<String> namespaces;
    private final OperatorMetrics metrics;
    private final BooleanSupplier leader;
    private final List<SharedIndexInformer<CloudRecording>> informers = new ArrayList<>();

    /**
     * @param namespaces the watched namespaces; empty means all
     * @param leader     whether this replica leads
     */
    public RecordingInventory(KubernetesClient client, Set<String> namespaces, OperatorMetrics metrics, BooleanSupplier leader) {
        this.client = client;
        this.namespaces = namespaces;
        this.metrics = metrics;
        this.leader = leader;
    }

    /** Starts watching and registers the phase gauges. */
    public RecordingInventory start() {
        ResourceEventHandler<CloudRecording> handler = new ResourceEventHandler<>() {
            @Override
            public void onAdd(CloudRecording r) {
            }

            @Override
            public void onUpdate(CloudRecording before, CloudRecording after) {
                if (taskId(before) == null && taskId(after) != null && leader.getAsBoolean()) {
                    elapsedToTaskId(after).ifPresent(metrics::recordTimeToTaskId);
                }
            }

            @Override
            public void onDelete(CloudRecording r, boolean finalStateUnknown) {
            }
        };
        if (namespaces.isEmpty()) {
            informers.add(client.resources(CloudRecording.class).inAnyNamespace().inform(handler));
        } else {
            namespaces.forEach(ns -> informers.add(client.resources(CloudRecording.class).inNamespace(ns).inform(handler)));
        }
        for (CloudRecordingStatus.Phase phase : CloudRecordingStatus.Phase.values()) {
            Gauge.builder("cloudrecording.resources", this, i -> i.count(phase))
                    .description("CloudRecordings by status.phase").tag("phase", phase.name()).strongReference(true)
                    .register(metrics.registry());
        }
        return this;
    }

    /** True once every informer has listed its resources. */
    public boolean synced() {
        return !informers.isEmpty() && informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }

    private double count(CloudRecordingStatus.Phase phase) {
        long n = 0;
        for (SharedIndexInformer<CloudRecording> informer : informers) {
            for (CloudRecording r : informer.getStore().list()) {
                CloudRecordingStatus.Phase p = r.getStatus() == null || r.getStatus().getPhase() == null
                        ? CloudRecordingStatus.Phase.Pending : r.getStatus().getPhase();
                if (p == phase) {
                    n++;
                }
            }
        }
        return n;
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
