package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.retention.FinishedRecordings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a finished recording {@code spec.ttlSecondsAfterFinished} after it finished ({@link FinishedRecordings}),
 * as Kubernetes does for a Job: until then every reconcile of it is scheduled again no later than that moment
 * ({@link #wakeAtDue}); then {@link #deleteIfDue} deletes the resource on the resource version it read (one that
 * changed in between is looked at again a second later) and lists the recording's files in a log line and a Normal
 * Event {@value #REASON}. The finalizer then releases it as any deleted recording; a finished task needs no TRTC
 * call for that. Without the field nothing happens.
 */
final class TtlAfterFinished {

    static final String REASON = "TTLExpired";
    /** Room for the file names in the Event; the log line has them all. */
    static final int EVENT_FILES_CHARS = 800;
    private static final Duration CONFLICT_RETRY = Duration.ofSeconds(1);
    /** Wakes a little after the due moment, so that the clock has certainly passed it. */
    private static final long DUE_MARGIN_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(TtlAfterFinished.class);

    private final KubernetesClient client;
    private final LatestWrites writes;
    private final EventRecorder events;
    private final Clock clock;

    TtlAfterFinished(KubernetesClient client, LatestWrites writes, EventRecorder events, Clock clock) {
        this.client = client;
        this.writes = writes;
        this.events = events;
        this.clock = clock;
    }

    /** Deletes {@code r} if it is due; empty when it is not (or this does not concern it). */
    Optional<Step> deleteIfDue(CloudRecording r) {
        Optional<Instant> due = FinishedRecordings.deleteAt(r);
        if (due.isEmpty() || clock.instant().isBefore(due.get())) {
            return Optional.empty();
        }
        var meta = r.getMetadata();
        try {
            client.resources(CloudRecording.class).inNamespace(meta.getNamespace()).withName(meta.getName())
                    .lockResourceVersion(meta.getResourceVersion()).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return Optional.of(Step.done(r));
            }
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return Optional.of(Step.requeue(r, CONFLICT_RETRY));
            }
            throw e;
        }
        List<String> files = FinishedRecordings.files(r);
        String finished = FinishedRecordings.finishedAt(r).map(Instant::toString).orElse("?");
        Integer ttl = r.getSpec().getTtlSecondsAfterFinished();
        String task = r.getStatus().getTaskId() == null ? "no task" : "task " + r.getStatus().getTaskId();
        LOG.info("{}/{}: finished ({}) at {}, ttlSecondsAfterFinished {} s passed: deleted; {}, {} files: {}",
                meta.getNamespace(), meta.getName(), r.getStatus().getPhase(), finished, ttl, task, files.size(), String.join(" ", files));
        events.normal(r, REASON, "Finished (" + r.getStatus().getPhase() + ") at " + finished + ", deleted after ttlSecondsAfterFinished "
                + ttl + " s; " + task + ", " + files.size() + " files" + (files.isEmpty() ? "" : ": " + fileList(files)));
        return Optional.of(Step.done(r));
    }

    /**
     * {@code control}, scheduled again no later than {@code r} is due for deletion, as this reconcile left it (a
     * step that just wrote its end is seen: the status write itself starts no reconcile).
     */
    UpdateControl<CloudRecording> wakeAtDue(CloudRecording r, UpdateControl<CloudRecording> control) {
        if (r.getSpec() == null || r.getSpec().getTtlSecondsAfterFinished() == null) {
            return control;
        }
        return noLaterThan(control, FinishedRecordings.deleteAt(writes.newest(r)), clock);
    }

    /**
     * {@code control}, scheduled again no later than a little after {@code due} (so that the clock has certainly
     * passed it); unchanged without a due moment or when it is scheduled sooner already.
     */
    static UpdateControl<CloudRecording> noLaterThan(UpdateControl<CloudRecording> control, Optional<Instant> due, Clock clock) {
        if (due.isEmpty()) {
            return control;
        }
        long untilDue = Math.max(0, Duration.between(clock.instant(), due.get()).toMillis()) + DUE_MARGIN_MILLIS;
        long scheduled = control.getScheduleDelay().orElse(Long.MAX_VALUE);
        return scheduled <= untilDue ? control : control.rescheduleAfter(untilDue);
    }

    private static String fileList(List<String> files) {
        StringBuilder listed = new StringBuilder();
        int shown = 0;
        for (String f : files) {
            if (listed.length() + f.length() > EVENT_FILES_CHARS) {
                break;
            }
            listed.append(shown == 0 ? "" : ", ").append(f);
            shown++;
        }
        return shown == files.size() ? listed.toString()
                : listed + " and " + (files.size() - shown) + " more (all in the operator's log)";
    }
}
