package com.tencentcloud.trtc.operator.mapping;

import java.util.Collection;
import java.util.Comparator;

/**
 * Removes secret values from text that is about to leave the process (status, events, logs).
 * Tencent's messages can quote parameters back; anything that equals a resolved secret is replaced.
 */
public final class Redaction {

    public static final String MASK = "<redacted>";
    private static final int MIN_SECRET_LENGTH = 4;

    private Redaction() {
    }

    public static String redact(String text, Collection<String> secrets) {
        if (text == null || secrets == null) {
            return text;
        }
        String result = text;
        for (String secret : secrets.stream().filter(s -> s != null && s.length() >= MIN_SECRET_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
