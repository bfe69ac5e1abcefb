package com.tencentcloud.trtc.operator.callback;

import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import java.util.Optional;

/**
 * The reconciler side, as the callback server sees it. Both methods answer from memory (the informer caches and a
 * queue), never from the Kubernetes API, so that a callback is answered within TRTC's 5 s however slow the API is.
 */
public interface CallbackReceiver {

    /** The resource whose task is {@code taskId}, if this operator manages one. */
    Optional<CallbackTarget> target(String taskId);

    /**
     * Whether {@link #target} knows every task the operator manages by now. While it does not (the view of archived
     * recordings is still listing after a start), a TaskId it does not find is answered 503, so that TRTC sends the
     * callback again, rather than 200 "unknown task", which would lose it.
     */
    default boolean knowsEveryTask() {
        return true;
    }

    /** Hands over a verified callback for {@code target}. */
    CallbackTarget.Offer offer(CallbackTarget target, RecordingCallback event);
}
