package com.tencentcloud.trtc.operator.trtc;

/**
 * A TRTC call that did not succeed. Messages never contain credentials, signatures or request bodies.
 */
public abstract sealed class TrtcException extends RuntimeException
        permits TrtcApiException, TrtcTransportException {

    protected TrtcException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The TRTC action that failed, such as {@code CreateCloudRecording}. */
    public abstract String action();

    /** Whether the same call may succeed later without any change to its input or credentials. */
    public abstract boolean retryable();
}
