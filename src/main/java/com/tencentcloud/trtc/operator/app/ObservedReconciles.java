package com.tencentcloud.trtc.operator.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;

/**
 * JOSDK's Micrometer metrics, plus {@code trtc_reconcile_errors_total{controller}}: JOSDK's own failure counter is
 * labelled by exception and appears only with the first failure, so {@code rate()} and {@code increase()} miss that
 * first one; this counter exists at zero for every registered controller from start-up.
 */
final class ObservedReconciles implements Metrics {

    private final Metrics josdk;
    private final OperatorMetrics metrics;

    ObservedReconciles(Metrics josdk, OperatorMetrics metrics) {
        this.josdk = josdk;
        this.metrics = metrics;
    }

    @Override
    public void controllerRegistered(Controller<? extends HasMetadata> controller) {
        metrics.reconcileErrors(controller.getConfiguration().getName());
        josdk.controllerRegistered(controller);
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        Object controller = metadata.get(Constants.CONTROLLER_NAME);
        if (controller != null) {
            metrics.reconcileErrors(controller.toString()).increment();
        }
        josdk.failedReconciliation(resource, exception, metadata);
    }

    @Override
    public void receivedEvent(Event event, Map<String, Object> metadata) {
        josdk.receivedEvent(event, metadata);
    }

    @Override
    public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        josdk.reconcileCustomResource(resource, retryInfo, metadata);
    }

    @Override
    public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
        josdk.reconciliationExecutionStarted(resource, metadata);
    }

    @Override
    public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
        josdk.reconciliationExecutionFinished(resource, metadata);
    }

    @Override
    public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
        josdk.cleanupDoneFor(resourceID, metadata);
    }

    @Override
    public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        josdk.finishedReconciliation(resource, metadata);
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        return josdk.timeControllerExecution(execution);
    }

    @Override
    public <T extends Map<?, ?>> T monitorSizeOf(T map, String name) {
        return josdk.monitorSizeOf(map, name);
    }
}
