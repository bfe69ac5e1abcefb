package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.Redaction;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.TrtcException;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a failed step on the resource (design §4): an error that retrying cannot fix stalls the resource
 * with the Tencent code (or our own) as reason and the message plus RequestId; any other error is retried
 * with {@link Backoff}. Secret values are removed from every message first.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final ResourceWriter writer;
    private final StatusTransitions transitions;
    private final EventRecorder events;
    private final Backoff backoff;
    private final StallMemory stalls;

    Failures(ResourceWriter writer, StatusTransitions transitions, EventRecorder events, Backoff backoff, StallMemory stalls) {
        this.writer = writer;
        this.transitions = transitions;
        this.events = events;
        this.backoff = backoff;
        this.stalls = stalls;
    }

    /** A Secret, key or default credential is missing: stalled until a referenced Secret or the spec changes. */
    Step unresolved(CloudRecording r, UnresolvedSecretException e) {
        return stall(r, e.reason(), e.getMessage());
    }

    /**
     * A TRTC call was refused before anything was sent, because of what it would carry (a credential with a
     * character no HTTP header may hold, a value the request needs that is missing): stalled like a Secret problem.
     */
    Step refused(CloudRecording r, IllegalArgumentException e, Collection<String> secretValues) {
        return stall(r, Conditions.REASON_INVALID_INPUT, Redaction.redact(e.getMessage(), secretValues));
    }

    /** A TRTC call failed. */
    Step trtc(CloudRecording r, TrtcException e, Collection<String> secretValues) {
        String message = Redaction.redact(e.getMessage(), secretValues);
        if (!e.retryable() && e instanceof TrtcApiException api) {
            return stall(r, api.code(), message);
        }
        Duration delay = backoff.next(r.getMetadata().getUid());
        LOG.info("{}/{}: {}; retrying in {}s", r.getMetadata().getNamespace(), r.getMetadata().getName(), message, delay.toSeconds());
        CloudRecording written = writer.writeStatus(r, transitions.retrying(r, message + "; retrying in " + delay.toSeconds() + "s"));
        if (backoff.failures(r.getMetadata().getUid()) == 1) {
            events.warning(r, "RetryingAfterError", message);
        }
        return Step.requeue(written, delay);
    }

    private Step stall(CloudRecording r, String reason, String message) {
        LOG.warn("{}/{}: stalled: {}: {}", r.getMetadata().getNamespace(), r.getMetadata().getName(), reason, message);
        CloudRecording written = writer.writeStatus(r, transitions.stalled(r, reason, message));
        events.warning(r, reason, message);
        stalls.remember(r);
        return Step.done(written);
    }
}
