package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.retention.FinishedArchive;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a finished recording out of the operator's cache when {@link FinishedArchive#archiveAt} comes: only while
 * nothing is left to do for it (no callback waiting, not paused, its spec seen). Until then every reconcile of it is
 * scheduled again no later than that moment ({@link #wakeAtDue}).
 */
final class FinishedArchiving {

    private static final Duration CONFLICT_RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(FinishedArchiving.class);

    private final KubernetesClient client;
    private final Clock clock;

    FinishedArchiving(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Archives {@code r} if it is due; empty when it is not (or this does not concern it). */
    Optional<Step> archiveIfDue(CloudRecording r, boolean callbacksWaiting) {
        Optional<Instant> due = FinishedArchive.archiveAt(r);
        if (due.isEmpty() || clock.instant().isBefore(due.get()) || callbacksWaiting || CloudRecordingUpdateFilter.isPaused(r)
                || !Objects.equals(r.getStatus().getObservedGeneration(), r.getMetadata().getGeneration())) {
            return Optional.empty();
        }
        if (!FinishedArchive.archive(client, r)) {
            return Optional.of(Step.requeue(r, CONFLICT_RETRY));
        }
        LOG.debug("{}/{}: finished ({}) {} ago: archived", r.getMetadata().getNamespace(), r.getMetadata().getName(),
                r.getStatus().getPhase(), FinishedArchive.AFTER);
        return Optional.of(Step.done(r));
    }

    /** {@code control}, scheduled again no later than {@code r} is due to be archived. */
    UpdateControl<CloudRecording> wakeAtDue(CloudRecording r, UpdateControl<CloudRecording> control) {
        return TtlAfterFinished.noLaterThan(control, FinishedArchive.archiveAt(r), clock);
    }
}
