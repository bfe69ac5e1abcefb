package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.retention.FinishedView;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where verified recording callbacks wait for their resource's reconcile (design §8).
 *
 * <p>The callback server answers TRTC from here, without waiting on the API server: {@link #target} finds the resource
 * by its TaskId in the informer's cache (an index on {@code status.taskId} and the {@code task-id} annotation) and its
 * callback key through {@link SecretResolver#callbackKey} (the Secret as a reconcile read it, or a read bounded to
 * {@link SecretResolver#CALLBACK_KEY_READ_TIMEOUT}); {@link #offer} queues the event and starts a reconcile of that
 * resource through an inbound event source. The reconcile takes the events with {@link #drain}, so a callback's status change is written by the
 * one thread that reconciles the resource and never races a Describe's. Each accepted event is also shown, with the
 * resource as cached, to the arrival listener given to {@link #bind}: the task slots learn there of a task that ended
 * without waiting for that reconcile (design §11).
 *
 * <p>Bounded: at most {@link #CAPACITY} events wait in all; beyond that, and on a replica that does not lead (whose
 * reconciles do not run), {@link #offer} refuses, and the server answers 503 so that TRTC sends the event again
 * (immediately, then every 10 s for a minute). An event equal to one of the last {@link #SEEN_PER_TASK} accepted for
 * the resource is a {@link CallbackTarget.Offer#DUPLICATE}; status is idempotent anyway, this keeps Kubernetes Events
 * from repeating.
 */
public final class CallbackInbox {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackInbox.class);
    static final String TASK_INDEX = "task-ids";
    static final int CAPACITY = 10_000;
    static final int SEEN_PER_TASK = 128;

    private final BooleanSupplier accepting;
    private final Map<ResourceID, List<RecordingCallback>> pending = new HashMap<>();
    private final Map<ResourceID, Deque<String>> seen = new HashMap<>();
    private int size;
    private volatile IndexedResourceCache<CloudRecording> cache;
    private volatile SecretResolver secrets;
    private volatile SimpleInboundEventSource<CloudRecording> trigger;
    private volatile BiConsumer<CloudRecording, RecordingCallback> arrived = (r, e) -> {
    };
    private volatile FinishedView finished;
    private volatile BiConsumer<String, String> restore = (namespace, name) -> {
    };

    /** @param accepting whether this replica reconciles now (the leader, or always without leader election) */
    CallbackInbox(BooleanSupplier accepting) {
        this.accepting = accepting;
    }

    /**
     * @param arrived told of each accepted event with the resource as cached, on the callback server's thread, once
     *                the resource's reconcile is asked for (which may already run); it must be quick and must not call
     *                the API server
     */
    void bind(IndexedResourceCache<CloudRecording> cache, SecretResolver secrets, SimpleInboundEventSource<CloudRecording> trigger,
              BiConsumer<CloudRecording, RecordingCallback> arrived) {
        this.cache = cache;
        this.secrets = secrets;
        this.trigger = trigger;
        this.arrived = arrived;
    }

    /**
     * Late callbacks of archived recordings: {@link #target} also looks in {@code view}, and {@link #offer} brings
     * such a recording back into the cache with {@code restore} and refuses the callback, which TRTC sends again
     * (immediately, then every 10 s for a minute) and then finds it there. Set before starting.
     */
    void useFinished(FinishedView view, BiConsumer<String, String> restore) {
        this.finished = view;
        this.restore = restore;
    }

    /** The managed resource whose task is {@code taskId}, from the cache, or from the view of archived recordings. */
    public Optional<CallbackTarget> target(String taskId) {
        IndexedResourceCache<CloudRecording> c = cache;
        if (c == null) {
            return Optional.empty();
        }
        FinishedView view = finished;
        return c.byIndex(TASK_INDEX, taskId).stream().filter(r -> r.getSpec() != null).findFirst()
                .or(() -> view == null ? Optional.empty() : view.find(taskId).filter(r -> r.getSpec() != null))
                .map(r -> new CallbackTarget(r.getMetadata().getNamespace(), r.getMetadata().getName(),
                        r.getSpec().getSdkAppId(), secrets.callbackKey(r).orElse(null)));
    }

    /** Whether {@link #target} can find every managed task: the view of archived recordings, if any, has listed. */
    public boolean knowsEveryTask() {
        FinishedView view = finished;
        return view == null || view.listed();
    }

    /** Queues a verified callback for {@code target} and starts its reconcile. */
    public CallbackTarget.Offer offer(CallbackTarget target, RecordingCallback event) {
        SimpleInboundEventSource<CloudRecording> t = trigger;
        if (t == null || !accepting.getAsBoolean()) {
            return CallbackTarget.Offer.REFUSED;
        }
        ResourceID id = new ResourceID(target.name(), target.namespace());
        FinishedView view = finished;
        if (view != null && cache.get(id).isEmpty() && view.archived(target.namespace(), target.name())) {
            restore.accept(target.namespace(), target.name());
            return CallbackTarget.Offer.REFUSED;
        }
        String key = key(event);
        synchronized (this) {
            Deque<String> recent = seen.computeIfAbsent(id, k -> new ArrayDeque<>());
            if (recent.contains(key)) {
                return CallbackTarget.Offer.DUPLICATE;
            }
            if (size >= CAPACITY) {
                return CallbackTarget.Offer.REFUSED;
            }
            recent.addLast(key);
            if (recent.size() > SEEN_PER_TASK) {
                recent.removeFirst();
            }
            pending.computeIfAbsent(id, k -> new ArrayList<>()).add(event);
            size++;
        }
        t.propagateEvent(id);
        tellArrival(id, event);
        return CallbackTarget.Offer.ACCEPTED;
    }

    /** Tells the arrival listener of an accepted event; should it fail, the event's reconcile still applies the event. */
    private void tellArrival(ResourceID id, RecordingCallback event) {
        IndexedResourceCache<CloudRecording> c = cache;
        if (c == null) {
            return;
        }
        try {
            c.get(id).ifPresent(r -> arrived.accept(r, event));
        } catch (RuntimeException e) {
            LOG.warn("{}/{}: the arrival of a callback of task {} was not handled early ({}); its reconcile applies it",
                    id.getNamespace().orElse(""), id.getName(), event.taskId(), e.toString());
        }
    }

    /** Whether callbacks of {@code r}'s task wait to be applied. */
    synchronized boolean waiting(CloudRecording r) {
        return pending.containsKey(ResourceID.fromResource(r));
    }

    /** Takes the waiting callbacks of {@code r}'s task, oldest event first. */
    synchronized List<RecordingCallback> drain(CloudRecording r) {
        List<RecordingCallback> events = pending.remove(ResourceID.fromResource(r));
        if (events == null) {
            return List.of();
        }
        size -= events.size();
        List<RecordingCallback> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.eventMsTs() != b.eventMsTs() ? Long.compare(a.eventMsTs(), b.eventMsTs())
                : Integer.compare(a.eventType(), b.eventType()));
        return sorted;
    }

    /** Puts back callbacks whose status write failed, to be applied by the retried reconcile. */
    synchronized void putBack(CloudRecording r, List<RecordingCallback> events) {
        pending.computeIfAbsent(ResourceID.fromResource(r), k -> new ArrayList<>()).addAll(0, events);
        size += events.size();
    }

    /** Forgets a resource that is gone. */
    synchronized void forget(CloudRecording r) {
        ResourceID id = ResourceID.fromResource(r);
        List<RecordingCallback> dropped = pending.remove(id);
        size -= dropped == null ? 0 : dropped.size();
        seen.remove(id);
    }

    private static String key(RecordingCallback e) {
        return e.taskId() + "|" + e.eventType() + "|" + e.eventMsTs() + "|" + e.status() + "|" + e.leaveCode() + "|"
                + e.detail() + "|" + e.files().stream().map(CallbackInbox::fileKey).collect(Collectors.joining(","));
    }

    private static String fileKey(StorageFileStatus f) {
        return f.getFileId() + ":" + f.getFileName() + ":" + f.getUserId() + ":" + f.getTrackType() + ":" + f.getMediaId()
                + ":" + f.getBeginTimeStamp() + ":" + f.getEndTimeStamp() + ":" + f.getVideoUrl();
    }
}
