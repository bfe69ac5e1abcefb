package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.mapping.CreateRequestMapper;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcErrorClass;
import com.tencentcloud.trtc.operator.trtc.TrtcException;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a spec change to a running task (design §3.3). Only {@code recordParams.subscribeStreamUserIds} and
 * {@code mixLayoutParams} can change (the API server refuses the rest), so a new generation of a resource with
 * a live task is sent whole with ModifyCloudRecording, then {@code observedGeneration} catches up. A change to
 * a resource whose task has ended or expired is acknowledged without a call, and the reconcile goes on.
 */
final class RecordingModifier {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingModifier.class);
    private static final Set<Phase> LIVE = Set.of(Phase.Idle, Phase.Recording);

    private final TrtcClient trtc;
    private final SecretResolver secrets;
    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final Failures failures;
    private final Backoff backoff;
    private final Clock clock;

    RecordingModifier(TrtcClient trtc, SecretResolver secrets, ResourceWriter writer, StatusTransitions transitions,
                      EventRecorder events, Failures failures, Backoff backoff, Clock clock) {
        this.trtc = trtc;
        this.secrets = secrets;
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.failures = failures;
        this.backoff = backoff;
        this.clock = clock;
    }

    /**
     * Brings the task up to the resource's generation. A status with a task but no phase (written by another tool
     * or an older version) is left to the follower first: whether the task is live is only known once it is described.
     *
     * @return the step to end the reconcile with, or empty to go on and follow the task
     */
    Optional<Step> apply(CloudRecording r) {
        CloudRecordingStatus status = r.getStatus();
        Long generation = r.getMetadata().getGeneration();
        if (status == null || status.getTaskId() == null || status.getPhase() == null || generation == null
                || (status.getObservedGeneration() != null && status.getObservedGeneration() >= generation)) {
            return Optional.empty();
        }
        boolean expired = status.getExpiresAt() != null && !clock.instant().isBefore(Instant.parse(status.getExpiresAt()));
        if (!LIVE.contains(status.getPhase()) || expired) {
            r.setStatus(writer.writeStatus(r, transitions.acknowledged(r)).getStatus());
            return Optional.empty();
        }
        CallContext call;
        try {
            call = secrets.resolveCall(r);
        } catch (UnresolvedSecretException e) {
            return Optional.of(failures.unresolved(r, e));
        }
        try {
            ModifyCloudRecordingResponse response = trtc.modifyCloudRecording(call,
                    CreateRequestMapper.toModifyRequest(r.getSpec(), status.getTaskId()));
            backoff.reset(r.getMetadata().getUid());
            CloudRecording written = writer.writeStatus(r, transitions.modified(r, response.requestId()));
            r.setStatus(written.getStatus());
            LOG.info("{}/{}: task {} now follows generation {} (RequestId {})", r.getMetadata().getNamespace(),
                    r.getMetadata().getName(), status.getTaskId(), generation, response.requestId());
            events.normal(written, "Modified", "Sent the layout and subscription lists of generation " + generation
                    + " to task " + status.getTaskId() + " (RequestId " + response.requestId() + ")");
            return Optional.empty();
        } catch (TrtcApiException e) {
            if (e.errorClass() == TrtcErrorClass.TASK_GONE) {
                return Optional.empty();
            }
            return Optional.of(failures.trtc(r, e, List.of(call.credentials().secretKey())));
        } catch (TrtcException e) {
            return Optional.of(failures.trtc(r, e, List.of(call.credentials().secretKey())));
        } catch (IllegalArgumentException e) {
            return Optional.of(failures.refused(r, e, List.of(call.credentials().secretKey())));
        }
    }
}
