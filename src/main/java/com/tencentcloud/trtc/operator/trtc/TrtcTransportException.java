package com.tencentcloud.trtc.operator.trtc;

/**
 * No TRTC envelope came back: the connection failed, timed out, was cut, the HTTP status was not 200, or the
 * body was not an envelope. Always worth retrying.
 *
 * <p>{@link #outcomeUnknown()} is true when the request may have reached Tencent and been carried out (the
 * request was written before the failure, or a gateway answered with an HTTP error), and false when it
 * certainly was not (the connection could not be opened).
 */
public final class TrtcTransportException extends TrtcException {

    private final String action;
    private final boolean outcomeUnknown;

    /**
     * @param action         the TRTC action, such as {@code CreateCloudRecording}
     * @param message        what failed; must not contain credentials, signatures or bodies
     * @param outcomeUnknown whether the request may have reached Tencent
     * @param cause          the underlying I/O failure, or null
     */
    public TrtcTransportException(String action, String message, boolean outcomeUnknown, Throwable cause) {
        super(action + " failed: " + message, cause);
        this.action = action;
        this.outcomeUnknown = outcomeUnknown;
    }

    @Override
    public String action() {
        return action;
    }

    /**
     * True when the request may have been carried out (after a {@code CreateCloudRecording}, a task may exist);
     * false when it certainly never reached Tencent.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** Always true: nothing about the request is known to be wrong. */
    @Override
    public boolean retryable() {
        return true;
    }
}
