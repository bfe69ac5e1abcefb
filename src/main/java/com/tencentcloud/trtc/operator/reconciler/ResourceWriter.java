package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's writes to a CloudRecording: its status and its {@code trtc.tencentcloud.com/} annotations.
 * Never its spec. Each method returns the resource as the API server stored it.
 */
public interface ResourceWriter {

    /** Replaces the status subresource with {@code status}. */
    CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status);

    /**
     * Replaces the status subresource with {@code status} only while the resource is still at the resource version
     * {@code resource} was read at, for a status computed from that version's status.
     *
     * @throws StaleResourceException when the resource changed since (HTTP 409)
     */
    CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) throws StaleResourceException;

    /** The resource as the API server holds it now, not as an informer's cache does; empty once it is gone. */
    Optional<CloudRecording> readCurrent(CloudRecording resource);

    /**
     * Sets {@code create-pending} and the operator's finalizer, in one write with an optimistic lock on the resource
     * version read in this reconcile.
     *
     * @throws StaleResourceException when the resource changed since it was read (HTTP 409)
     */
    CloudRecording markCreatePending(CloudRecording resource, Instant now) throws StaleResourceException;

    /** Stores {@code task-id} and removes {@code create-pending}. */
    CloudRecording recordTaskId(CloudRecording resource, String taskId);

    /** Removes {@code create-pending} after a create that certainly started nothing. */
    CloudRecording clearCreatePending(CloudRecording resource);

    /** Adds the operator's finalizer to a resource that lacks it; returns the resource as stored. */
    CloudRecording holdFinalizer(CloudRecording resource);

    /** Removes the operator's finalizer, so that the API server can delete the resource; a resource gone is released. */
    void releaseFinalizer(CloudRecording resource);

    /** The resource changed after this reconcile read it; the reconcile must start again from a fresh read. */
    final class StaleResourceException extends Exception {
        public StaleResourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
