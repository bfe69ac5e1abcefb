package com.tencentcloud.trtc.operator.trtc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Sign} header of TRTC's callbacks (trtc-api §6.9): {@code Base64(HMAC-SHA256(callback key, raw body))}.
 * Used by the operator to verify a callback and by the emulator to sign one.
 */
public final class CallbackSignature {

    private CallbackSignature() {
    }

    /** The {@code Sign} of {@code body} under {@code key}. */
    public static String sign(String key, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(key, body));
    }

    /**
     * Whether {@code sign} is the signature of {@code body} under {@code key}, compared in constant time; false for
     * a missing or malformed header.
     */
    public static boolean matches(String key, byte[] body, String sign) {
        if (sign == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(sign.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key, body), given);
    }

    private static byte[] hmac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
