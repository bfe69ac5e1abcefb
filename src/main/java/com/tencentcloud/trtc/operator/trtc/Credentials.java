package com.tencentcloud.trtc.operator.trtc;

import java.util.Objects;

/**
 * A Tencent Cloud API key: {@code secretId} and {@code secretKey}, plus the session {@code token} of a
 * temporary key (null for a long-term key).
 *
 * <p>{@link #toString()} shows the SecretId only; the key and token never leave this object except to be
 * signed or sent as {@code X-TC-Token}.
 */
public record Credentials(String secretId, String secretKey, String token) {

    /** {@code secretId} and {@code secretKey} are required; {@code token} is null for a long-term key. */
    public Credentials {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /** A long-term key, without a session token. */
    public Credentials(String secretId, String secretKey) {
        this(secretId, secretKey, null);
    }

    /** The SecretId, with the key and token redacted. */
    @Override
    public String toString() {
        return "Credentials[secretId=" + secretId + ", secretKey=<redacted>, token="
                + (token == null ? "none" : "<redacted>") + "]";
    }
}
