package com.tencentcloud.trtc.operator.trtc;

import java.time.Duration;

/**
 * Told about every TRTC call a decorated client makes, for metrics. Implementations must be thread-safe and fast,
 * and must not throw.
 */
public interface TrtcCallListener {

    /** The result of a call that returned a response. */
    String SUCCESS = "Success";
    /** The result of a call that certainly never reached Tencent (connection not opened, interrupted while waiting). */
    String TRANSPORT_ERROR = "TransportError";
    /** The result of a call that may have been carried out but gave no answer (timeout after sending, HTTP 5xx…). */
    String OUTCOME_UNKNOWN = "OutcomeUnknown";
    /** The result of a call refused before sending because of its own input (a header-unsafe credential…). */
    String NOT_SENT = "NotSent";

    /** A listener that ignores everything. */
    TrtcCallListener NONE = new TrtcCallListener() {
        @Override
        public void callFinished(String action, String result, Duration latency) {
        }

        @Override
        public void permitWaited(String action, Duration waited) {
        }
    };

    /**
     * A call of {@code action} finished.
     *
     * @param result  {@link #SUCCESS}, Tencent's {@code Error.Code}, {@link #TRANSPORT_ERROR}, {@link #OUTCOME_UNKNOWN}
     *                or {@link #NOT_SENT}
     * @param latency from sending the request to the end of the answer (rate-limit waiting excluded)
     */
    void callFinished(String action, String result, Duration latency);

    /** A caller of {@code action} waited {@code waited} for its rate-limit permit. */
    void permitWaited(String action, Duration waited);

    /**
     * A call of {@code action} got its permit from the budget of {@code account} (a TrtcAccount's name, or
     * {@link #DEFAULT_ACCOUNT} for the operator's default budget) and is about to be sent.
     */
    default void permitGranted(String account, String action) {
    }

    /** The account label of calls in the operator's default budget; no TrtcAccount can have this name. */
    String DEFAULT_ACCOUNT = "_default";
}
