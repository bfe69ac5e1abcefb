package com.tencentcloud.trtc.operator.trtc;

/** What a Tencent error code means for the caller. */
public enum TrtcErrorClass {
    /** Retrying the same request cannot help: the input, the credentials or the account must change first. */
    TERMINAL,
    /** The service is busy, limited or failing for now: retry later with backoff. */
    TRANSIENT,
    /** The task does not exist (any more): it ended, was replaced, or its management window is over. */
    TASK_GONE
}
