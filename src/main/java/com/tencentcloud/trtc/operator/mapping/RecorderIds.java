package com.tencentcloud.trtc.operator.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The default user id of a resource's recording robot.
 *
 * <p>Derived from the resource's namespace, name and uid, so it is the same on every retry of the same
 * resource (a repeated CreateCloudRecording replaces the earlier task instead of adding one) and differs
 * between resources, including a resource deleted and created again under the same name. The result is
 * 32 characters of {@code [a-z0-9-]}: {@code rec-}, up to 11 characters of the name, {@code -}, and a hash.
 */
public final class RecorderIds {

    public static final int MAX_LENGTH = 32;
    private static final String PREFIX = "rec-";
    private static final int NAME_PART = 11;

    private RecorderIds() {
    }

    public static String derive(String namespace, String name, String uid) {
        String namePart = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (namePart.length() > NAME_PART) {
            namePart = namePart.substring(0, NAME_PART).replaceAll("-+$", "");
        }
        String head = PREFIX + (namePart.isEmpty() ? "" : namePart + "-");
        String hash = sha256Hex(namespace + "/" + name + "/" + uid);
        return head + hash.substring(0, MAX_LENGTH - head.length());
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
