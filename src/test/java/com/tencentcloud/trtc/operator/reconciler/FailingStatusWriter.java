package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Predicate;

/** Writes through to another writer, but fails the status writes that {@code failWhen} picks. */
final class FailingStatusWriter extends ForwardingResourceWriter {

    private final Predicate<CloudRecordingStatus> failWhen;

    FailingStatusWriter(ResourceWriter delegate, Predicate<CloudRecordingStatus> failWhen) {
        super(delegate);
        this.failWhen = failWhen;
    }

    @Override
    public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
        if (failWhen.test(status)) {
            throw new KubernetesClientException("injected status write failure");
        }
        return super.writeStatus(resource, status);
    }

    @Override
    public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) throws StaleResourceException {
        if (failWhen.test(status)) {
            throw new KubernetesClientException("injected status write failure");
        }
        return super.writeStatusIfUnchanged(resource, status);
    }
}
