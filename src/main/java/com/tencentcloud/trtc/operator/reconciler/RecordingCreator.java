package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.mapping.CreateRequestMapper;
import com.tencentcloud.trtc.operator.mapping.EffectiveSpec;
import com.tencentcloud.trtc.operator.mapping.RecorderIds;
import com.tencentcloud.trtc.operator.mapping.RecordingSecrets;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcTransportException;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a resource's recording, never twice (design §3.1).
 *
 * <ol>
 *   <li>The {@code create-pending} annotation is written with an optimistic lock on the resource version this
 *       reconcile read; if the resource changed meanwhile, nothing is called and the reconcile starts again.</li>
 *   <li>CreateCloudRecording is called with the resource's deterministic recorder user id. Phase {@code Creating}
 *       is written before the call only when the call will wait at its account's rate limiter for
 *       {@link #SHOW_CREATING_AFTER} or more; otherwise the answer comes first and the one status write after it
 *       says what came of it, so a Create that can go at once costs one write before it, not two.</li>
 *   <li>The TaskId is kept in memory until it is written to status and to the {@code task-id} annotation, so a
 *       failed status write is retried without a second call.</li>
 * </ol>
 * If the answer never came (timeout, connection lost, or a crash before the TaskId was written), the pending
 * mark stays. Before the mark, {@link AdmissionGate} holds a resource whose application has no free task slot
 * (design §11): it waits in line without any call, and a Create that TRTC refuses as over the limit puts it back in
 * its place. The next attempt calls CreateCloudRecording again with the same robot user id: TRTC then ends
 * any task the lost call started, so at most one task per resource lives on. A Warning event says so.
 */
final class RecordingCreator {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingCreator.class);
    static final Duration FIRST_DESCRIBE = Duration.ofSeconds(15);
    private static final Duration STALE_RETRY = Duration.ofSeconds(1);
    /** The shortest wait at the rate limiter that phase {@code Creating} is written for before the Create. */
    static final Duration SHOW_CREATING_AFTER = Duration.ofSeconds(1);

    private record CreatedTask(String recorderUserId, String taskId, String requestId, Instant createdAt) {
    }

    private final TrtcClient trtc;
    private final SecretResolver secrets;
    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final Failures failures;
    private final Backoff backoff;
    private final Clock clock;
    private final PollBudget budget;
    private final Consumer<CloudRecording> started;
    private final AdmissionGate gate;
    private final Map<String, CreatedTask> unsaved = new ConcurrentHashMap<>();

    RecordingCreator(TrtcClient trtc, SecretResolver secrets, ResourceWriter writer, StatusTransitions transitions,
                     EventRecorder events, Failures failures, Backoff backoff, Clock clock, PollBudget budget,
                     Consumer<CloudRecording> started, AdmissionGate gate) {
        this.trtc = trtc;
        this.secrets = secrets;
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.failures = failures;
        this.backoff = backoff;
        this.clock = clock;
        this.budget = budget;
        this.started = started;
        this.gate = gate;
    }

    /** The robot user id of a resource: {@code spec.recorder.userId}, or derived from the resource. */
    static String recorderUserId(CloudRecording r) {
        var recorder = r.getSpec().getRecorder();
        if (recorder != null && recorder.getUserId() != null) {
            return recorder.getUserId();
        }
        var meta = r.getMetadata();
        return RecorderIds.derive(meta.getNamespace(), meta.getName(), meta.getUid());
    }

    Step create(CloudRecording r) {
        CreatedTask known = unsaved.get(r.getMetadata().getUid());
        if (known != null) {
            return persist(r, known);
        }
        String userId = recorderUserId(r);
        CallContext call;
        RecordingSecrets values;
        try {
            call = secrets.resolveCall(r);
            values = secrets.resolveCreate(r, userId, clock.instant());
        } catch (UnresolvedSecretException e) {
            return failures.unresolved(r, e);
        }
        Optional<Step> waiting = gate.hold(r);
        if (waiting.isPresent()) {
            return waiting.get();
        }
        boolean earlierOutcomeUnknown = CloudRecordingReconciler.createPending(r);
        CloudRecording marked;
        try {
            marked = writer.markCreatePending(r, clock.instant());
        } catch (ResourceWriter.StaleResourceException e) {
            LOG.debug("{}/{}: {}; reading again before creating", r.getMetadata().getNamespace(), r.getMetadata().getName(), e.getMessage());
            return Step.requeue(r, STALE_RETRY);
        }
        if (earlierOutcomeUnknown) {
            events.warning(marked, "CreateRetried", "An earlier CreateCloudRecording for robot " + userId
                    + " got no answer and may have started a task; creating again with the same robot user id, which ends any such task");
        }
        marked = creating(marked, userId, call);
        List<String> secretValues = Arrays.asList(call.credentials().secretKey(), call.credentials().token(),
                values.userSig(), values.privateMapKey(), values.storageAccessKey(), values.storageSecretKey());
        try {
            CreateCloudRecordingResponse response = trtc.createCloudRecording(call,
                    CreateRequestMapper.toCreateRequest(marked.getSpec(), userId, values));
            CreatedTask task = new CreatedTask(userId, Objects.requireNonNull(response.taskId(), "TaskId"),
                    response.requestId(), clock.instant());
            unsaved.put(r.getMetadata().getUid(), task);
            return persist(marked, task);
        } catch (TrtcApiException e) {
            if (AdmissionGate.restricted(e)) {
                return gate.refused(cleared(marked), e);
            }
            return failures.trtc(cleared(marked), e, secretValues);
        } catch (IllegalArgumentException e) {
            return failures.refused(cleared(marked), e, secretValues);
        } catch (TrtcTransportException e) {
            if (e.outcomeUnknown()) {
                events.warning(marked, "CreateOutcomeUnknown", e.getMessage()
                        + "; the next attempt reuses robot " + userId + " so that at most one task survives");
                return failures.trtc(marked, e, secretValues);
            }
            return failures.trtc(cleared(marked), e, secretValues);
        }
    }

    /**
     * {@code r} in phase {@code Creating}: written when its Create will wait at the rate limiter long enough to be seen,
     * else only in memory, for the write that follows the answer to start from.
     */
    private CloudRecording creating(CloudRecording r, String userId, CallContext call) {
        CloudRecordingStatus status = transitions.creating(r, userId);
        if (trtc.expectedWait(call, HttpTrtcClient.CREATE).compareTo(SHOW_CREATING_AFTER) >= 0) {
            return writer.writeStatus(r, status);
        }
        return withStatus(r, status);
    }

    /** {@code marked} without its {@code create-pending} mark, keeping the status this reconcile gave it. */
    private CloudRecording cleared(CloudRecording marked) {
        return withStatus(writer.clearCreatePending(marked), marked.getStatus());
    }

    private static CloudRecording withStatus(CloudRecording r, CloudRecordingStatus status) {
        CloudRecording copy = new CloudRecording();
        copy.setMetadata(r.getMetadata());
        copy.setSpec(r.getSpec());
        copy.setStatus(status);
        return copy;
    }

    /** Forgets an unsaved TaskId of a resource that is gone. */
    void forget(CloudRecording r) {
        unsaved.remove(r.getMetadata().getUid());
    }

    private Step persist(CloudRecording r, CreatedTask task) {
        int hours = EffectiveSpec.effectiveResourceExpiredHour(r.getSpec());
        CloudRecording written = writer.writeStatus(r, transitions.created(r, task.recorderUserId(), task.taskId(),
                task.requestId(), task.createdAt(), hours));
        written = writer.recordTaskId(written, task.taskId());
        unsaved.remove(r.getMetadata().getUid());
        backoff.reset(r.getMetadata().getUid());
        started.accept(written);
        LOG.info("{}/{}: started task {} with robot {} (RequestId {})", r.getMetadata().getNamespace(),
                r.getMetadata().getName(), task.taskId(), task.recorderUserId(), task.requestId());
        events.normal(written, "Created", "Started recording task " + task.taskId() + " with robot "
                + task.recorderUserId() + " (RequestId " + task.requestId() + ")");
        return Step.requeue(written, budget.firstDescribe(r.getMetadata().getUid(), FIRST_DESCRIBE, secrets.pace(r)));
    }
}
