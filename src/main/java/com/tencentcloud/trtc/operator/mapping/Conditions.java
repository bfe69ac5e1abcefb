package com.tencentcloud.trtc.operator.mapping;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Condition types, reasons and the pure function that sets one condition in a list.
 *
 * <p>{@code lastTransitionTime} changes only when a condition's status changes, as the Kubernetes API
 * conventions ask; reason, message and observedGeneration are always refreshed.
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String SYNCED = "Synced";
    public static final String STALLED = "Stalled";

    public static final String TRUE = "True";
    public static final String FALSE = "False";

    public static final String REASON_CREATING = "Creating";
    public static final String REASON_RECORDING = "Recording";
    public static final String REASON_IDLE = "Idle";
    public static final String REASON_COMPLETED = "Completed";
    public static final String REASON_EXPIRED = "ManagementWindowExpired";
    public static final String REASON_FAILED = "Failed";
    public static final String REASON_DELETING = "Deleting";
    public static final String REASON_RECONCILE_SUCCESS = "ReconcileSuccess";
    public static final String REASON_RECONCILE_ERROR = "ReconcileError";
    public static final String REASON_PAUSED = "ReconcilePaused";
    public static final String REASON_NOT_STALLED = "NoTerminalError";
    public static final String REASON_SECRET_NOT_FOUND = "SecretNotFound";
    public static final String REASON_SECRET_KEY_NOT_FOUND = "SecretKeyNotFound";
    public static final String REASON_CREDENTIALS_MISSING = "CredentialsNotConfigured";
    public static final String REASON_RECORDER_CONFLICT = "RecorderConflict";
    public static final String REASON_INVALID_INPUT = "InvalidInput";
    public static final String REASON_QUEUED = "Queued";

    private Conditions() {
    }

    /** Returns a copy of {@code conditions} in which {@code type} has the given values. */
    public static List<Condition> set(List<Condition> conditions, String type, String status, String reason,
                                      String message, Long generation, Instant now) {
        List<Condition> result = new ArrayList<>();
        Optional<Condition> previous = Optional.empty();
        for (Condition c : conditions == null ? List.<Condition>of() : conditions) {
            if (type.equals(c.getType())) {
                previous = Optional.of(c);
            } else {
                result.add(c);
            }
        }
        String transition = previous.filter(p -> status.equals(p.getStatus()))
                .map(Condition::getLastTransitionTime)
                .orElse(now.toString());
        result.add(new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build());
        result.sort((a, b) -> Integer.compare(order(a.getType()), order(b.getType())));
        return result;
    }

    /** The condition of {@code type}, if present. */
    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Whether the condition of {@code type} is present with status True. */
    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
    }

    private static int order(String type) {
        return switch (type) {
            case READY -> 0;
            case SYNCED -> 1;
            case STALLED -> 2;
            default -> 3;
        };
    }
}
