package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import java.time.Instant;
import java.util.Optional;

/** Base of test writers that change a few writes and pass every other one to a real writer. */
abstract class ForwardingResourceWriter implements ResourceWriter {

    private final ResourceWriter delegate;

    ForwardingResourceWriter(ResourceWriter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
        return delegate.writeStatus(resource, status);
    }

    @Override
    public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) throws StaleResourceException {
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
