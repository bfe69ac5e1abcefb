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

    public TrtcTransportException(String action, String message, boolean outcomeUnknown, Throwable cause) {
        super(action + " failed: " + message, cause);
        this.action = action;
        this.outcomeUnknown = outcomeUnknown;
    }

    @Override
    public String action() {
        return action;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
