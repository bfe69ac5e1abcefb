package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/** Writes through to another writer, but fails the status writes that {@code failWhen} picks. */
final class FailingStatusWriter implements ResourceWriter {

    private final ResourceWriter delegate;
    private final Predicate<CloudRecordingStatus> failWhen;

    FailingStatusWriter(ResourceWriter delegate, Predicate<CloudRecordingStatus> failWhen) {
        this.delegate = delegate;
        this.failWhen = failWhen;
    }

    @Override
    public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
        if (failWhen.test(status)) {
            throw new KubernetesClientException("injected status write failure");
        }
        return delegate.writeStatus(resource, status);
    }

    @Override
    public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) throws StaleResourceException {
        if (failWhen.test(status)) {
            throw new KubernetesClientException("injected status write failure");
        }
        return delegate.writeStatusIfUnchanged(resource, status);
    }

    @Override
    public Optional<CloudRecording> readCurrent(CloudRecording resource) {
        return delegate.readCurrent(resource);
    }

    @Override
    public CloudRecording markCreatePending(CloudRecording resource, Instant now) throws StaleResourceException {
        return delegate.markCreatePending(resource, now);
    }

    @Override
    public CloudRecording recordTaskId(CloudRecording resource, String taskId) {
        return delegate.recordTaskId(resource, taskId);
    }

    @Override
    public CloudRecording clearCreatePending(CloudRecording resource) {
        return delegate.clearCreatePending(resource);
    }

    @Override
    public CloudRecording holdFinalizer(CloudRecording resource) {
        return delegate.holdFinalizer(resource);
    }

    @Override
    public void releaseFinalizer(CloudRecording resource) {
        delegate.releaseFinalizer(resource);
    }
}
