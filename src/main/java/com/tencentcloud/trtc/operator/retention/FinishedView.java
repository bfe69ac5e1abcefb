package com.tencentcloud.trtc.operator.retention;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * {@link CloudRecording#LABEL_FINISHED}, listed in pages, that keeps of each only what is needed here (name,
 * namespace, uid, versions, the archive's annotations, and the SdkAppId and credential references a late callback is
 * verified with): a few hundred bytes, where a cached recording costs kilobytes.
 *
 * <p>Every {@link #SWEEP}, on the replica that leads, it brings back ({@link FinishedArchive#restore}) a recording
 * whose spec changed since it was archived, and hands one whose {@code ttlSecondsAfterFinished} has come to
 * {@code deleteDue}, read whole first (its files are listed when it goes). {@link #find} answers the callback receiver
 * for the task ids of archived recordings.
 */
public final class FinishedView implements AutoCloseable {

    /** How often the view looks for spec changes and deletions due. */
    public static final Duration SWEEP = Duration.ofSeconds(5);
    static final String TASK_INDEX = "finished-task-ids";
    private static final Logger LOG = LoggerFactory.getLogger(FinishedView.class);

    private final KubernetesClient client;
    private final Set<String> namespaces;
    private final BooleanSupplier leading;
    private final Clock clock;
    private final Consumer<CloudRecording> deleteDue;
    private final long listLimit;
    private final List<SharedIndexInformer<CloudRecording>> informers = new ArrayList<>();
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

    /** What the view keeps of an archived recording. */
    static CloudRecording skeleton(CloudRecording r) {
        ObjectMeta m = r.getMetadata();
        ObjectMeta kept = new ObjectMeta();
        kept.setName(m.getName());
        kept.setNamespace(m.getNamespace());
        kept.setUid(m.getUid());
        kept.setResourceVersion(m.getResourceVersion());
        kept.setGeneration(m.getGeneration());
        Map<String, String> annotations = new HashMap<>(4);
        if (m.getAnnotations() != null) {
            for (String key : List.of(FinishedArchive.ANNOTATION_GENERATION, FinishedArchive.ANNOTATION_TASK_IDS,
                    FinishedArchive.ANNOTATION_DELETE_AT)) {
                String value = m.getAnnotations().get(key);
                if (value != null) {
                    annotations.put(key, value);
                }
            }
        }
        kept.setAnnotations(annotations);
        CloudRecording copy = new CloudRecording();
        copy.setMetadata(kept);
        if (r.getSpec() != null) {
            CloudRecordingSpec spec = new CloudRecordingSpec();
            spec.setSdkAppId(r.getSpec().getSdkAppId());
            spec.setCredentialsSecretRef(r.getSpec().getCredentialsSecretRef());
            spec.setAccountRef(r.getSpec().getAccountRef());
            copy.setSpec(spec);
        }
        return copy;
    }

    /** Starts the informers (waiting until they have listed) and the sweep. */
    public synchronized FinishedView start() {
        for (String namespace : namespaces.isEmpty() ? Set.of("") : namespaces) {
            var op = client.resources(CloudRecording.class);
            var scoped = namespace.isEmpty() ? op.inAnyNamespace() : op.inNamespace(namespace);
            SharedIndexInformer<CloudRecording> informer = scoped.withLabel(CloudRecording.LABEL_FINISHED)
                    .withLimit(listLimit).runnableInformer(0);
            informer.itemStore(new SkeletonStore());
            informer.addIndexers(Map.of(TASK_INDEX, FinishedView::taskIds));
            informers.add(informer);
        }
        informers.forEach(SharedIndexInformer::run);
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
        return informers.stream().flatMap(i -> i.getIndexer().byIndex(TASK_INDEX, taskId).stream()).findFirst();
    }

    /** Whether {@code namespace/name} is archived, as far as the view knows. */
    public boolean archived(String namespace, String name) {
        String key = namespace + "/" + name;
        return informers.stream().anyMatch(i -> i.getIndexer().getByKey(key) != null);
    }

    /** The archived recordings the view holds. */
    public Stream<CloudRecording> list() {
        return informers.stream().flatMap(i -> i.getIndexer().list().stream());
    }

    /** One pass: restores changed recordings and deletes due ones; only on the leading replica. */
    void sweep() {
        if (!leading.getAsBoolean()) {
            return;
        }
        Instant now = clock.instant();
        for (CloudRecording r : list().toList()) {
            var meta = r.getMetadata();
            String generation = meta.getAnnotations().get(FinishedArchive.ANNOTATION_GENERATION);
            if (generation != null && !generation.equals(String.valueOf(meta.getGeneration()))) {
                LOG.info("{}/{}: spec changed since it was archived: back in the operator's cache", meta.getNamespace(), meta.getName());
                FinishedArchive.restore(client, meta.getNamespace(), meta.getName(), now);
            } else if (deleteAt(r).map(at -> !now.isBefore(at)).orElse(false)) {
                Optional.ofNullable(client.resources(CloudRecording.class).inNamespace(meta.getNamespace())
                                .withName(meta.getName()).get())
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

    private static Optional<Instant> deleteAt(CloudRecording r) {
        try {
            return Optional.ofNullable(r.getMetadata().getAnnotations().get(FinishedArchive.ANNOTATION_DELETE_AT)).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> taskIds(CloudRecording r) {
        String ids = r.getMetadata().getAnnotations() == null ? null
                : r.getMetadata().getAnnotations().get(FinishedArchive.ANNOTATION_TASK_IDS);
        return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).filter(s -> !s.isBlank()).toList();
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        informers.forEach(SharedIndexInformer::stop);
        informers.clear();
    }

    /** Keeps the {@link #skeleton} of each recording the informer stores. */
    private static final class SkeletonStore implements ItemStore<CloudRecording> {

        private final BasicItemStore<CloudRecording> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

        @Override
        public String getKey(CloudRecording r) {
            return store.getKey(r);
        }

        @Override
        public CloudRecording put(String key, CloudRecording r) {
            return store.put(key, skeleton(r));
        }

        @Override
        public CloudRecording remove(String key) {
            return store.remove(key);
        }

        @Override
        public Stream<String> keySet() {
            return store.keySet();
        }

        @Override
        public Stream<CloudRecording> values() {
            return store.values();
        }

        @Override
        public int size() {
            return store.size();
        }

        @Override
        public CloudRecording get(String key) {
            return store.get(key);
        }
    }
}
