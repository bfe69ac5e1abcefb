package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link ResourceWriter} that remembers, per resource uid, the resource as this process last wrote it, so that a
 * reconcile starts from the newer of that and the informer's cached copy ({@link #newest}). The cache can lag the
 * operator's own writes: a step that computed a status from the lagging copy (a Describe seen as {@code Idle}, a
 * callback) would otherwise write back what the operator had already moved past, such as undoing a
 * {@code Stopped}. Resource versions are compared as the numbers the API server (etcd) gives; one that is not a
 * number leaves the cached copy in charge. A copy goes when a reconcile finds the cache caught up, or at the next
 * {@link #sweep}; copies are kept, like the cache's, without {@code managedFields}, which were most of their size
 * (at 10,000 recordings they filled a 128 MB heap).
 */
final class LatestWrites implements ResourceWriter {

    /** Every this many writes, copies the cache has caught up with are dropped ({@link #sweep}). */
    static final int SWEEP_EVERY = 256;

    private final ResourceWriter delegate;
    private final Function<CloudRecording, Optional<CloudRecording>> cache;
    private final Map<String, CloudRecording> written = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    /** Without a cache to sweep against: copies go at the next reconcile of their resource. */
    LatestWrites(ResourceWriter delegate) {
        this(delegate, r -> Optional.empty());
    }

    /**
     * @param cache the informer's current copy of a resource, if it has one
     */
    LatestWrites(ResourceWriter delegate, Function<CloudRecording, Optional<CloudRecording>> cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    /**
     * Drops every copy the cache has caught up with, so that memory holds copies only while the cache lags, not
     * until the next reconcile of each resource (for a task polled every 1,000 s, that long).
     */
    void sweep() {
        written.values().removeIf(mine -> cache.apply(mine).flatMap(LatestWrites::version)
                .flatMap(cached -> version(mine).map(v -> cached >= v)).orElse(false));
    }

    /** How many copies are kept now. */
    int kept() {
        return written.size();
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
            r.getMetadata().setManagedFields(null);
            if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
                sweep();
            }
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
