package com.tencentcloud.trtc.operator.trtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TLSSigAPIv2 UserSig and PrivateMapKey: generation, decoding and verification (trtc-api §7).
 *
 * <p>Written by hand rather than taken from Tencent's {@code tls-sig-api-v2} jar, because that library reads
 * the system clock (so the published fixed-time vector cannot be checked) and drags in {@code org.json}.
 *
 * <p>A UserSig is {@code base64url'(zlib(json))}, where {@code base64url'} is standard Base64 with
 * {@code +}→{@code *}, {@code /}→{@code -}, {@code =}→{@code _}, and the JSON holds {@code TLS.ver} "2.0",
 * {@code TLS.identifier}, {@code TLS.sdkappid}, {@code TLS.expire}, {@code TLS.time}, {@code TLS.sig} (standard
 * Base64 of HMAC-SHA256 over {@link #contentToSign}) and, for a PrivateMapKey, {@code TLS.userbuf}. The
 * SDKSecretKey is used as the UTF-8 bytes of its text. The encoding is not canonical (key order and zlib
 * level vary between implementations): compare by {@link #verify verifying}, never as strings.
 *
 * <p>All methods are pure functions of their arguments; the current time is always passed in.
 */
public final class UserSig {

    /** Privilege bits of a PrivateMapKey: all of them (create, enter, send/receive audio, video, substream). */
    public static final long PRIVILEGE_ALL = 255;
    /** Privilege bits of a PrivateMapKey: enter the room and receive audio, video and substream only. */
    public static final long PRIVILEGE_RECEIVE_ONLY = 2 | 8 | 32 | 128;

    private static final String VERSION = "2.0";
    private static final int MAX_INFLATED_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UserSig() {
    }

    /** Why a signature was accepted or refused, in the order the checks are made (trtc-api §7.3). */
    public enum Outcome {
        /** Every check passed. */
        VALID("valid"),
        /** Not Base64, not zlib, not JSON, or a field is missing or has the wrong type. */
        MALFORMED("malformed signature"),
        /** {@code TLS.sdkappid} is not the expected application. */
        SDK_APP_ID_MISMATCH("sdk appid not match"),
        /** {@code TLS.identifier} is not the expected UserId. */
        IDENTIFIER_MISMATCH("identifier not match"),
        /** {@code now > TLS.time + TLS.expire}. */
        EXPIRED("expired"),
        /** A userbuf is present where none is expected, or missing where one is required. */
        USERBUF_MISMATCH("userbuf not match"),
        /** The HMAC does not match: signed with another key, or altered. */
        SIGNATURE_MISMATCH("sig not match");

        private final String reason;

        Outcome(String reason) {
            this.reason = reason;
        }

        /** The reason in the wording of the official libraries, such as {@code "sig not match"}. */
        public String reason() {
            return reason;
        }
    }

    /**
     * The fields carried by a UserSig or PrivateMapKey. {@link #toString()} leaves out {@code TLS.sig}, since
     * with the other fields it reconstitutes a usable credential.
     *
     * @param version    {@code TLS.ver}, "2.0"
     * @param identifier {@code TLS.identifier}, the UserId
     * @param sdkAppId   {@code TLS.sdkappid}
     * @param expire     {@code TLS.expire}, validity in seconds from {@code time}
     * @param time       {@code TLS.time}, generation time in Unix seconds
     * @param sig        {@code TLS.sig}, standard Base64 of the HMAC
     * @param userBuf    decoded {@code TLS.userbuf}, or null for a plain UserSig
     */
    public record Decoded(String version, String identifier, long sdkAppId, long expire, long time, String sig,
                          byte[] userBuf) {

        /** The last second at which the signature is still valid, {@code time + expire}. */
        public long expiresAt() {
            return time + expire;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Decoded d && version.equals(d.version) && identifier.equals(d.identifier)
                    && sdkAppId == d.sdkAppId && expire == d.expire && time == d.time && sig.equals(d.sig)
                    && Arrays.equals(userBuf, d.userBuf);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, identifier, sdkAppId, expire, time, sig, Arrays.hashCode(userBuf));
        }

        @Override
        public String toString() {
            return "UserSig.Decoded[ver=" + version + ", identifier=" + identifier + ", sdkappid=" + sdkAppId
                    + ", expire=" + expire + ", time=" + time + ", sig=<redacted>, userbuf="
                    + (userBuf == null ? "none" : userBuf.length + " bytes") + "]";
        }
    }

    /**
     * The result of {@link #verify} or {@link #verifyPrivateMapKey}.
     *
     * @param outcome {@link Outcome#VALID} or the first check that failed
     * @param decoded the decoded fields, or null when the signature is {@link Outcome#MALFORMED}
     */
    public record Verification(Outcome outcome, Decoded decoded) {

        /** Whether every check passed. */
        public boolean valid() {
            return outcome == Outcome.VALID;
        }

        /** The reason in the official libraries' wording, such as {@code "expired"}. */
        public String reason() {
            return outcome.reason();
        }
    }

    /**
     * Generates a UserSig.
     *
     * @param sdkAppId      the TRTC application
     * @param sdkSecretKey  the application's SDKSecretKey, used as UTF-8 text
     * @param identifier    the UserId it is issued for
     * @param expireSeconds validity in seconds from {@code nowSeconds}
     * @param nowSeconds    the current Unix time in seconds, written as {@code TLS.time}
     */
    public static String generate(long sdkAppId, String sdkSecretKey, String identifier, long expireSeconds,
                                  long nowSeconds) {
        return encode(sdkAppId, sdkSecretKey, identifier, expireSeconds, nowSeconds, null);
    }

    /**
     * Generates a PrivateMapKey for a numeric room (userbuf version 0, trtc-api §7.5).
     *
     * @param roomId       the numeric room id (32-bit unsigned)
     * @param privilegeMap permission bits, such as {@link #PRIVILEGE_ALL}
     */
    public static String generatePrivateMapKey(long sdkAppId, String sdkSecretKey, String identifier,
                                               long expireSeconds, long nowSeconds, long roomId, long privilegeMap) {
        byte[] userBuf = privateMapKeyUserBuf(identifier, sdkAppId, roomId, null, nowSeconds + expireSeconds,
                privilegeMap);
        return encode(sdkAppId, sdkSecretKey, identifier, expireSeconds, nowSeconds, userBuf);
    }

    /**
     * Generates a PrivateMapKey for a string room (userbuf version 1, room id 0 and the room string appended).
     *
     * @param roomId       the string room id
     * @param privilegeMap permission bits, such as {@link #PRIVILEGE_ALL}
     */
    public static String generatePrivateMapKey(long sdkAppId, String sdkSecretKey, String identifier,
                                               long expireSeconds, long nowSeconds, String roomId,
                                               long privilegeMap) {
        Objects.requireNonNull(roomId, "roomId");
        byte[] userBuf = privateMapKeyUserBuf(identifier, sdkAppId, 0, roomId, nowSeconds + expireSeconds,
                privilegeMap);
        return encode(sdkAppId, sdkSecretKey, identifier, expireSeconds, nowSeconds, userBuf);
    }

    /**
     * The binary PrivateMapKey userbuf of trtc-api §7.5, big-endian: version (0, or 1 with a string room),
     * UserId length and bytes, sdkappid, numeric room id, absolute expiry, privilege bits, account type 0, and
     * for a string room its length and bytes.
     *
     * @param roomId       numeric room id; 0 for a string room
     * @param stringRoomId the string room id, or null for a numeric room
     * @param expireAt     absolute expiry in Unix seconds ({@code now + expire})
     */
    public static byte[] privateMapKeyUserBuf(String identifier, long sdkAppId, long roomId, String stringRoomId,
                                              long expireAt, long privilegeMap) {
        byte[] account = identifier.getBytes(StandardCharsets.UTF_8);
        byte[] room = stringRoomId == null ? new byte[0] : stringRoomId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(1 + 2 + account.length + 20 + (stringRoomId == null ? 0 : 2 + room.length));
        buf.put((byte) (stringRoomId == null ? 0 : 1));
        buf.putShort((short) account.length);
        buf.put(account);
        buf.putInt((int) sdkAppId);
        buf.putInt((int) roomId);
        buf.putInt((int) expireAt);
        buf.putInt((int) privilegeMap);
        buf.putInt(0);
        if (stringRoomId != null) {
            buf.putShort((short) room.length);
            buf.put(room);
        }
        return buf.array();
    }

    /**
     * The text that {@code TLS.sig} signs, each line ending in {@code \n}: identifier, sdkappid, time, expire
     * and, when {@code userBuf} is not null, its standard Base64.
     */
    public static String contentToSign(String identifier, long sdkAppId, long time, long expire, byte[] userBuf) {
        String content = "TLS.identifier:" + identifier + "\n"
                + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + time + "\n"
                + "TLS.expire:" + expire + "\n";
        return userBuf == null ? content : content + "TLS.userbuf:" + Base64.getEncoder().encodeToString(userBuf) + "\n";
    }

    /** Raw HMAC-SHA256 of {@code content} with the SDKSecretKey's UTF-8 bytes; {@code TLS.sig} is its Base64. */
    public static byte[] hmac(String sdkSecretKey, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sdkSecretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Decodes a UserSig or PrivateMapKey without checking it.
     *
     * @throws IllegalArgumentException when it is not Base64, not zlib, not JSON, or lacks a field; the message
     *                                  never contains the signature
     */
    public static Decoded decode(String userSig) {
        Objects.requireNonNull(userSig, "userSig");
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(
                    userSig.replace('_', '=').replace('-', '/').replace('*', '+'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("UserSig is not in TLS Base64");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(inflate(compressed));
        } catch (IOException e) {
            throw new IllegalArgumentException("UserSig does not hold JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("UserSig does not hold a JSON object");
        }
        String userBuf = optionalText(json, "TLS.userbuf");
        byte[] decodedUserBuf;
        try {
            decodedUserBuf = userBuf == null ? null : Base64.getDecoder().decode(userBuf);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("UserSig field TLS.userbuf is not Base64");
        }
        return new Decoded(text(json, "TLS.ver"), text(json, "TLS.identifier"), number(json, "TLS.sdkappid"),
                number(json, "TLS.expire"), number(json, "TLS.time"), text(json, "TLS.sig"), decodedUserBuf);
    }

    /**
     * Verifies a plain UserSig as the official Go library does: application, identifier, expiry
     * ({@code now <= TLS.time + TLS.expire}), no userbuf, then the HMAC with {@code sdkSecretKey}.
     */
    public static Verification verify(String userSig, long sdkAppId, String identifier, String sdkSecretKey,
                                      long nowSeconds) {
        return check(userSig, sdkAppId, identifier, sdkSecretKey, nowSeconds, false);
    }

    /**
     * Verifies a PrivateMapKey like {@link #verify}, but requires a userbuf and includes it in the HMAC. The
     * caller reads the room and privileges from {@link Decoded#userBuf()}.
     */
    public static Verification verifyPrivateMapKey(String privateMapKey, long sdkAppId, String identifier,
                                                   String sdkSecretKey, long nowSeconds) {
        return check(privateMapKey, sdkAppId, identifier, sdkSecretKey, nowSeconds, true);
    }

    private static Verification check(String sig, long sdkAppId, String identifier, String key, long now,
                                      boolean userBufExpected) {
        Decoded d;
        byte[] signature;
        try {
            d = decode(sig);
            signature = Base64.getDecoder().decode(d.sig());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Verification(Outcome.MALFORMED, null);
        }
        Outcome outcome;
        if (d.sdkAppId() != sdkAppId) {
            outcome = Outcome.SDK_APP_ID_MISMATCH;
        } else if (!d.identifier().equals(identifier)) {
            outcome = Outcome.IDENTIFIER_MISMATCH;
        } else if (now > d.expiresAt()) {
            outcome = Outcome.EXPIRED;
        } else if ((d.userBuf() != null) != userBufExpected) {
            outcome = Outcome.USERBUF_MISMATCH;
        } else {
            byte[] expected = hmac(key, contentToSign(d.identifier(), d.sdkAppId(), d.time(), d.expire(), d.userBuf()));
            outcome = MessageDigest.isEqual(expected, signature) ? Outcome.VALID : Outcome.SIGNATURE_MISMATCH;
        }
        return new Verification(outcome, d);
    }

    private static String encode(long sdkAppId, String key, String identifier, long expire, long time,
                                 byte[] userBuf) {
        Objects.requireNonNull(key, "sdkSecretKey");
        Objects.requireNonNull(identifier, "identifier");
        String sig = Base64.getEncoder().encodeToString(
                hmac(key, contentToSign(identifier, sdkAppId, time, expire, userBuf)));
        ObjectNode json = MAPPER.createObjectNode()
                .put("TLS.ver", VERSION)
                .put("TLS.identifier", identifier)
                .put("TLS.sdkappid", sdkAppId)
                .put("TLS.expire", expire)
                .put("TLS.time", time);
        if (userBuf != null) {
            json.put("TLS.userbuf", Base64.getEncoder().encodeToString(userBuf));
        }
        json.put("TLS.sig", sig);
        byte[] compressed;
        try {
            compressed = deflate(MAPPER.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException("UserSig JSON could not be written", e);
        }
        return Base64.getEncoder().encodeToString(compressed).replace('+', '*').replace('/', '-').replace('=', '_');
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] data) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated zlib stream");
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new IOException("zlib stream too large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("not a zlib stream");
        } finally {
            inflater.end();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("UserSig field " + field + " is missing or not a string");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : text(json, field);
    }

    private static long number(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node != null && node.canConvertToExactIntegral() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node != null && node.isTextual() && node.asText().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText());
        }
        throw new IllegalArgumentException("UserSig field " + field + " is missing or not a number");
    }
}
