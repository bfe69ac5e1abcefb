package com.tencentcloud.trtc.operator.reconciler;

/**
 * A value the recording needs is not available: a Secret, or a key in it, is missing, or no credentials are
 * configured. The message names the Secret and key, never a value. Fixed by the user, so it stalls the
 * resource until the Secret or the spec changes.
 */
public final class UnresolvedSecretException extends Exception {

    private final String reason;

    public UnresolvedSecretException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The Stalled condition's reason, such as {@code SecretNotFound}. */
    public String reason() {
        return reason;
    }
}
