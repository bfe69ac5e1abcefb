package com.tencentcloud.trtc.operator.retention;

import com.tencentcloud.trtc.operator.api.v1alpha1.AccountReference;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's light view of archived recordings ({@link FinishedArchive}): an informer of the recordings that carry
 * {@link CloudRecording#LABEL_FINISHED}, listed in pages, whose store keeps of each only an {@link Archived} record
 * (names, versions, the archive's annotations, and the SdkAppId and credential references a late callback is
 * verified with), a few hundred bytes where a cached recording costs kilobytes.
 *
 * <p>Every {@link #SWEEP}, on the replica that leads, it brings back ({@link FinishedArchive#restore}) a recording
 * whose spec changed since it was archived, and hands one whose {@code ttlSecondsAfterFinished} has come to
 * {@code deleteDue}, read whole first (its files are listed when it goes). {@link #find} answers the callback receiver
 * for the task ids of archived recordings.
 */
public final class FinishedView implements AutoCloseable {

    /** How often the view looks for spec changes and deletions due. */
    public static final Duration SWEEP = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(FinishedView.class);

    private final KubernetesClient client;
    private final Set<String> namespaces;
    private final BooleanSupplier leading;
    private final Clock clock;
    private final Consumer<CloudRecording> deleteDue;
    private final long listLimit;
    private final List<SharedIndexInformer<CloudRecording>> informers = new ArrayList<>();
    private final CompactStore store = new CompactStore();
    private ScheduledExecutorService sweeper;

    /**
     * @param namespaces the watched namespaces, empty for all
     * @param leading    whether this replica may write
     * @param deleteDue  deletes a whole recording whose {@code ttlSecondsAfterFinished} has come, listing its files
     * @param listLimit  the page size of the informers' lists
     */
    public FinishedView(KubernetesClient client, Set<String> namespaces, BooleanSupplier leading, Clock clock,
                        Consumer<CloudRecording> deleteDue, long listLimit) {
        this.client = client;
        this.namespaces = namespaces;
        this.leading = leading;
        this.clock = clock;
        this.deleteDue = deleteDue;
        this.listLimit = listLimit;
    }

    /**
     * What the view keeps of an archived recording.
     *
     * @param archivedGeneration {@value FinishedArchive#ANNOTATION_GENERATION}, or -1 when absent
     * @param deleteAt           {@value FinishedArchive#ANNOTATION_DELETE_AT}, or null
     * @param taskIds            {@value FinishedArchive#ANNOTATION_TASK_IDS}, comma-separated
     */
    record Archived(String namespace, String name, String uid, String resourceVersion, long generation,
                    long archivedGeneration, Instant deleteAt, String taskIds, Long sdkAppId, String secretName,
                    String accountName) {

        static Archived of(CloudRecording r) {
            ObjectMeta m = r.getMetadata();
            Map<String, String> a = m.getAnnotations() == null ? Map.of() : m.getAnnotations();
            CloudRecordingSpec spec = r.getSpec();
            return new Archived(m.getNamespace() == null ? null : m.getNamespace().intern(), m.getName(), m.getUid(),
                    m.getResourceVersion(), m.getGeneration() == null ? -1 : m.getGeneration(),
                    number(a.get(FinishedArchive.ANNOTATION_GENERATION)),
                    FinishedRecordings.instant(a.get(FinishedArchive.ANNOTATION_DELETE_AT)).orElse(null),
                    a.getOrDefault(FinishedArchive.ANNOTATION_TASK_IDS, ""), spec == null ? null : spec.getSdkAppId(),
                    spec == null || spec.getCredentialsSecretRef() == null ? null : spec.getCredentialsSecretRef().getName(),
                    spec == null || spec.getAccountRef() == null ? null : spec.getAccountRef().getName());
        }

        /** A recording that says what this record does, enough for the callback receiver to verify a callback. */
        CloudRecording recording() {
            ObjectMeta m = new ObjectMeta();
            m.setNamespace(namespace);
            m.setName(name);
            m.setUid(uid);
            m.setResourceVersion(resourceVersion);
            m.setGeneration(generation < 0 ? null : generation);
            Map<String, String> annotations = new HashMap<>();
            if (archivedGeneration >= 0) {
                annotations.put(FinishedArchive.ANNOTATION_GENERATION, String.valueOf(archivedGeneration));
            }
            if (deleteAt != null) {
                annotations.put(FinishedArchive.ANNOTATION_DELETE_AT, deleteAt.toString());
            }
            annotations.put(FinishedArchive.ANNOTATION_TASK_IDS, taskIds);
            m.setAnnotations(annotations);
            CloudRecording r = new CloudRecording();
            r.setMetadata(m);
            CloudRecordingSpec spec = new CloudRecordingSpec();
            spec.setSdkAppId(sdkAppId);
            if (secretName != null) {
                spec.setCredentialsSecretRef(new LocalObjectReference(secretName));
            }
            if (accountName != null) {
                AccountReference account = new AccountReference();
                account.setName(accountName);
                spec.setAccountRef(account);
            }
            r.setSpec(spec);
            return r;
        }

        List<String> tasks() {
            return taskIds.isBlank() ? List.of() : Stream.of(taskIds.split(",")).filter(s -> !s.isBlank()).toList();
        }

        private static long number(String text) {
            try {
                return text == null ? -1 : Long.parseLong(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * Starts the informers and the sweep, without waiting for their first list: reading tens of thousands of archived
     * recordings takes tens of seconds, and nothing the view does is urgent enough to hold back the recordings the
     * operator works on. Until an informer has listed, {@link #find} and the sweep see what it has so far.
     */
    public synchronized FinishedView start() {
        for (String namespace : namespaces.isEmpty() ? Set.of("") : namespaces) {
            var op = client.resources(CloudRecording.class);
            var scoped = namespace.isEmpty() ? op.inAnyNamespace() : op.inNamespace(namespace);
            SharedIndexInformer<CloudRecording> informer = scoped.withLabel(CloudRecording.LABEL_FINISHED)
                    .withLimit(listLimit).runnableInformer(0);
            informer.itemStore(store);
            informer.removeNamespaceIndex();
            informers.add(informer);
        }
        informers.forEach(i -> i.start().whenComplete((done, failed) -> {
            if (failed != null) {
                LOG.warn("The view of archived recordings could not start: {}", failed.toString());
            }
        }));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "finished-view");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweepSafely, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The archived recording (as the view keeps it) one of whose tasks is {@code taskId}. */
    public Optional<CloudRecording> find(String taskId) {
        return Optional.ofNullable(store.byTask.get(taskId)).map(store.items::get).map(Archived::recording);
    }

    /** Whether {@code namespace/name} is archived, as far as the view knows. */
    public boolean archived(String namespace, String name) {
        return store.items.containsKey(namespace + "/" + name);
    }

    /** Whether every informer of the view has listed: until then {@link #find} may miss an archived recording. */
    public boolean listed() {
        return !informers.isEmpty() && informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** How many archived recordings the view holds. */
    public int size() {
        return store.items.size();
    }

    /** One pass: restores changed recordings and deletes due ones; only on the leading replica. */
    void sweep() {
        if (!leading.getAsBoolean()) {
            return;
        }
        Instant now = clock.instant();
        for (Archived a : List.copyOf(store.items.values())) {
            if (a.archivedGeneration() >= 0 && a.archivedGeneration() != a.generation()) {
                LOG.info("{}/{}: spec changed since it was archived: back in the operator's cache", a.namespace(), a.name());
                FinishedArchive.restore(client, a.namespace(), a.name(), now);
            } else if (a.deleteAt() != null && !now.isBefore(a.deleteAt())) {
                Optional.ofNullable(client.resources(CloudRecording.class).inNamespace(a.namespace()).withName(a.name()).get())
                        .filter(whole -> whole.getMetadata().getLabels() != null
                                && whole.getMetadata().getLabels().containsKey(CloudRecording.LABEL_FINISHED))
                        .ifPresent(deleteDue);
            }
        }
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Looking at archived recordings failed; trying again in {} s: {}", SWEEP.toSeconds(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        informers.forEach(SharedIndexInformer::stop);
        informers.clear();
    }

    /**
     * The informers' store: an {@link Archived} record per recording and the task-id index, shared by the informers of
     * all watched namespaces (their keys carry the namespace). Hands the informer {@link Archived#recording} copies.
     */
    private static final class CompactStore implements ItemStore<CloudRecording> {

        final Map<String, Archived> items = new ConcurrentHashMap<>();
        final Map<String, String> byTask = new ConcurrentHashMap<>();

        @Override
        public String getKey(CloudRecording r) {
            return Cache.metaNamespaceKeyFunc(r);
        }

        @Override
        public CloudRecording put(String key, CloudRecording r) {
            Archived now = Archived.of(r);
            Archived before = items.put(key, now);
            unindex(key, before);
            now.tasks().forEach(t -> byTask.put(t, key));
            return before == null ? null : before.recording();
        }

        @Override
        public CloudRecording remove(String key) {
            Archived before = items.remove(key);
            unindex(key, before);
            return before == null ? null : before.recording();
        }

        @Override
        public Stream<String> keySet() {
            return items.keySet().stream();
        }

        @Override
        public Stream<CloudRecording> values() {
            return items.values().stream().map(Archived::recording);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public CloudRecording get(String key) {
            Archived a = items.get(key);
            return a == null ? null : a.recording();
        }

        private void unindex(String key, Archived before) {
            if (before != null) {
                before.tasks().forEach(t -> byTask.remove(t, key));
            }
        }
    }
}
