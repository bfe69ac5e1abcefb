package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ResourceWriter} that remembers, per resource uid, the resource as this process last wrote it, so that a
 * reconcile starts from the newer of that and the informer's cached copy ({@link #newest}). The cache can lag the
 * operator's own writes: a step that computed a status from the lagging copy (a Describe seen as {@code Idle}, a
 * callback) would otherwise write back what the operator had already moved past, such as undoing a
 * {@code Stopped}. Resource versions are compared as the numbers the API server (etcd) gives; one that is not a
 * number leaves the cached copy in charge. A copy is kept until a reconcile finds the cache caught up, which for a
 * task followed rarely is many minutes: kept, like the cache's copies, without {@code managedFields}, which were
 * most of its size (at 10,000 recordings they filled a 128 MB heap).
 */
final class LatestWrites implements ResourceWriter {

    private final ResourceWriter delegate;
    private final Map<String, CloudRecording> written = new ConcurrentHashMap<>();

    LatestWrites(ResourceWriter delegate) {
        this.delegate = delegate;
    }

    /** {@code cached}, or the resource as this process last wrote it when that is a later version. */
    CloudRecording newest(CloudRecording cached) {
        String uid = cached.getMetadata().getUid();
        CloudRecording mine = uid == null ? null : written.get(uid);
        if (mine == null) {
            return cached;
        }
        Optional<Long> cachedVersion = version(cached);
        Optional<Long> mineVersion = version(mine);
        if (cachedVersion.isEmpty() || mineVersion.isEmpty() || cachedVersion.get() >= mineVersion.get()) {
            written.remove(uid, mine);
            return cached;
        }
        return Serialization.clone(mine);
    }

    /** Forgets a resource that is gone. */
    void forget(CloudRecording r) {
        if (r.getMetadata().getUid() != null) {
            written.remove(r.getMetadata().getUid());
        }
    }

    @Override
    public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
        return remember(delegate.writeStatus(resource, status));
    }

    @Override
    public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) throws StaleResourceException {
        return remember(delegate.writeStatusIfUnchanged(resource, status));
    }

    @Override
    public Optional<CloudRecording> readCurrent(CloudRecording resource) {
        return delegate.readCurrent(resource);
    }

    @Override
    public CloudRecording markCreatePending(CloudRecording resource, Instant now) throws StaleResourceException {
        return remember(delegate.markCreatePending(resource, now));
    }

    @Override
    public CloudRecording recordTaskId(CloudRecording resource, String taskId) {
        return remember(delegate.recordTaskId(resource, taskId));
    }

    @Override
    public CloudRecording clearCreatePending(CloudRecording resource) {
        return remember(delegate.clearCreatePending(resource));
    }

    @Override
    public CloudRecording holdFinalizer(CloudRecording resource) {
        return remember(delegate.holdFinalizer(resource));
    }

    @Override
    public void releaseFinalizer(CloudRecording resource) {
        delegate.releaseFinalizer(resource);
    }

    private CloudRecording remember(CloudRecording r) {
        if (r != null && r.getMetadata() != null && r.getMetadata().getUid() != null && version(r).isPresent()) {
            CloudRecordingAddFilter.compact(r);
            written.merge(r.getMetadata().getUid(), r, (old, now) -> version(now).get() >= version(old).orElse(0L) ? now : old);
        }
        return r;
    }

    private static Optional<Long> version(CloudRecording r) {
        String v = r.getMetadata().getResourceVersion();
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
