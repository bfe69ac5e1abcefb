package com.tencentcloud.trtc.operator.retention;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Listable;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finished recordings leave the operator's working cache, so that how many of them a cluster keeps does not decide
 * whether the operator fits its memory (issue 22: 50,000 kept ones did not fit 256 MiB even without their file lists).
 *
 * <p>A recording is archived {@link #AFTER} it finished {@code Stopped} or {@code Expired} ({@link FinishedRecordings}):
 * one merge patch, on the resource version the operator read, adds the label {@link CloudRecording#LABEL_FINISHED},
 * the annotations {@link #ANNOTATION_GENERATION}, {@link #ANNOTATION_TASK_IDS} and, with
 * {@code ttlSecondsAfterFinished}, {@link #ANNOTATION_DELETE_AT}, and releases the operator's finalizer (a finished
 * task has nothing left to stop). The CloudRecording informer selects {@link #NOT_FINISHED}, so the label takes the
 * recording out of the cache; {@link FinishedView} keeps a few hundred bytes of each instead. Never archived: a
 * {@code Failed} recording (it waits for a fix, and the {@code CloudRecordingFailed} alert counts it), the child of a
 * schedule (its history limits bound their number, and the schedule counts them), a recording being deleted, and
 * one its {@code ttlSecondsAfterFinished} deletes before {@link #AFTER}.
 *
 * <p>{@link #restore} takes the label off again: for a spec change, or a late callback of one of its tasks.
 */
public final class FinishedArchive {

    /** How long a finished recording stays in the cache: late callbacks (uploads, VOD commits) are applied there. */
    public static final Duration AFTER = Duration.ofMinutes(10);
    /** The label selector of the recordings the operator works on. */
    public static final String NOT_FINISHED = "!" + CloudRecording.LABEL_FINISHED;
    /** {@code metadata.generation} when archived: a later spec change brings the recording back. */
    public static final String ANNOTATION_GENERATION = CloudRecording.ANNOTATION_PREFIX + "finished-generation";
    /** The recording's task ids, comma-separated, so that a late callback still finds it. */
    public static final String ANNOTATION_TASK_IDS = CloudRecording.ANNOTATION_PREFIX + "finished-task-ids";
    /** When {@code ttlSecondsAfterFinished} deletes it, if set. */
    public static final String ANNOTATION_DELETE_AT = CloudRecording.ANNOTATION_PREFIX + "delete-at";
    /** When {@link #restore} brought it back: it stays {@link #AFTER} from then, for the callbacks it came back for. */
    public static final String ANNOTATION_RESTORED_AT = CloudRecording.ANNOTATION_PREFIX + "restored-at";
    /** Patches of the start-up pass in flight at once. */
    static final int PARALLEL = 16;
    private static final Set<Phase> ARCHIVED_PHASES = EnumSet.of(Phase.Stopped, Phase.Expired);
    private static final Logger LOG = LoggerFactory.getLogger(FinishedArchive.class);

    private FinishedArchive() {
    }

    /** When {@code r} is to be archived; empty when it never is (see the class comment). */
    public static Optional<Instant> archiveAt(CloudRecording r) {
        if (r.isMarkedForDeletion() || r.getStatus() == null || !ARCHIVED_PHASES.contains(r.getStatus().getPhase())
                || labels(r).containsKey(CloudRecordingSchedule.LABEL_SCHEDULE) || labels(r).containsKey(CloudRecording.LABEL_FINISHED)) {
            return Optional.empty();
        }
        Optional<Instant> restored = Optional.ofNullable(r.getMetadata().getAnnotations())
                .map(a -> a.get(ANNOTATION_RESTORED_AT)).flatMap(FinishedRecordings::instant);
        Optional<Instant> at = FinishedRecordings.finishedAt(r)
                .map(f -> restored.filter(f::isBefore).orElse(f)).map(f -> f.plus(AFTER));
        Optional<Instant> deleteAt = FinishedRecordings.deleteAt(r);
        if (at.isPresent() && deleteAt.isPresent() && !deleteAt.get().isAfter(at.get())) {
            return Optional.empty();
        }
        return at;
    }

    /**
     * Archives {@code r} (see the class comment) if it is still the version read. False when it changed since, or is
     * gone: the caller looks at it again.
     */
    public static boolean archive(KubernetesClient client, CloudRecording r) {
        var meta = r.getMetadata();
        try {
            client.resources(CloudRecording.class).inNamespace(meta.getNamespace()).withName(meta.getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch(r, taskIds(r)).toString());
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** The merge patch that archives {@code r}, on its resource version. */
    static ObjectNode patch(CloudRecording r, List<String> taskIds) {
        var meta = r.getMetadata();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode m = root.putObject("metadata");
        m.put("resourceVersion", meta.getResourceVersion());
        m.putObject("labels").put(CloudRecording.LABEL_FINISHED, "true");
        ObjectNode annotations = m.putObject("annotations");
        annotations.put(ANNOTATION_GENERATION, String.valueOf(meta.getGeneration()));
        annotations.put(ANNOTATION_TASK_IDS, String.join(",", taskIds));
        annotations.putNull(ANNOTATION_RESTORED_AT);
        FinishedRecordings.deleteAt(r).ifPresentOrElse(at -> annotations.put(ANNOTATION_DELETE_AT, at.toString()),
                () -> annotations.putNull(ANNOTATION_DELETE_AT));
        var finalizers = m.putArray("finalizers");
        (meta.getFinalizers() == null ? List.<String>of() : meta.getFinalizers()).stream()
                .filter(f -> !CloudRecording.FINALIZER.equals(f)).forEach(finalizers::add);
        return root;
    }

    /**
     * Brings an archived recording back into the operator's cache, for {@link #AFTER} from {@code now} at least.
     * Gone already: nothing to do.
     */
    public static void restore(KubernetesClient client, String namespace, String name, Instant now) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode m = root.putObject("metadata");
        m.putObject("labels").putNull(CloudRecording.LABEL_FINISHED);
        ObjectNode annotations = m.putObject("annotations");
        List.of(ANNOTATION_GENERATION, ANNOTATION_TASK_IDS, ANNOTATION_DELETE_AT).forEach(annotations::putNull);
        annotations.put(ANNOTATION_RESTORED_AT, now.truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            client.resources(CloudRecording.class).inNamespace(namespace).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), root.toString());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }

    /**
     * Archives, page by page, the finished recordings of {@code namespaces} (empty: all) that an earlier release left
     * in the cache, before the informer lists them: run before the operator starts, so that its first list holds
     * the recordings it works on only. Each page's patches go {@link #PARALLEL} at a time (one at a time, the API
     * server's storage writes bound the pass to a few dozen a second). Returns how many it archived.
     *
     * @param pageSize how many recordings one list page holds (the informers' page size)
     * @throws KubernetesClientException when the API server fails a list or a patch; the pass is safe to run again
     */
    public static int archiveExisting(KubernetesClient client, Set<String> namespaces, long pageSize, Instant now) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "archive-finished");
            t.setDaemon(true);
            return t;
        });
        int archived = 0;
        try {
            for (String namespace : namespaces.isEmpty() ? Set.of("") : namespaces) {
                var op = client.resources(CloudRecording.class);
                Listable<KubernetesResourceList<CloudRecording>> scope = namespace.isEmpty() ? op.inAnyNamespace() : op.inNamespace(namespace);
                String next = null;
                boolean more = true;
                while (more) {
                    var page = listPage(scope, new ListOptionsBuilder().withLabelSelector(NOT_FINISHED).withLimit(pageSize)
                            .withContinue(next).build());
                    if (page == null) {
                        next = null;
                        continue;
                    }
                    List<Future<Boolean>> patches = new ArrayList<>();
                    for (CloudRecording r : page.getItems()) {
                        if (archiveAt(r).map(at -> !now.isBefore(at)).orElse(false)) {
                            patches.add(pool.submit(() -> archive(client, r)));
                        }
                    }
                    for (Future<Boolean> patch : patches) {
                        if (patch.get()) {
                            archived++;
                        }
                    }
                    next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
                    more = next != null && !next.isEmpty();
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KubernetesClientException k ? k : new KubernetesClientException("archiving failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while archiving finished recordings", e);
        } finally {
            pool.shutdownNow();
        }
        if (archived > 0) {
            LOG.info("Archived {} finished recordings left in the cache by an earlier release (label {})", archived,
                    CloudRecording.LABEL_FINISHED);
        }
        return archived;
    }

    /**
     * One page of the pass; null when its continue token expired (the API server compacted the version the pass
     * began at, after about five minutes): the pass then starts over, and finds only what is not archived yet.
     */
    private static KubernetesResourceList<CloudRecording> listPage(Listable<KubernetesResourceList<CloudRecording>> op,
                                                                   ListOptions options) {
        try {
            return op.list(options);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_GONE && options.getContinue() != null) {
                LOG.info("The list of finished recordings to archive expired; starting it over");
                return null;
            }
            throw e;
        }
    }

    /**
     * The ids of {@code r}'s tasks whose callbacks may still come: its task ({@code status.taskId}, or the
     * {@code task-id} annotation that survives a loss of status) and its ended tasks, whose late callbacks (uploads,
     * VOD commits) still bring files. The callback receiver's index and the archive's annotation both use it.
     */
    public static List<String> taskIds(CloudRecording r) {
        List<String> ids = new ArrayList<>();
        if (r.getStatus() != null && r.getStatus().getTaskId() != null) {
            ids.add(r.getStatus().getTaskId());
        } else {
            Optional.ofNullable(r.getMetadata().getAnnotations()).map(a -> a.get(CloudRecording.ANNOTATION_TASK_ID))
                    .filter(t -> !t.isBlank()).ifPresent(ids::add);
        }
        if (r.getStatus() != null && r.getStatus().getTaskHistory() != null) {
            r.getStatus().getTaskHistory().stream().map(t -> t.getTaskId()).filter(t -> t != null && !ids.contains(t)).forEach(ids::add);
        }
        return ids;
    }

    private static Map<String, String> labels(CloudRecording r) {
        return r.getMetadata().getLabels() == null ? Map.of() : r.getMetadata().getLabels();
    }
}
