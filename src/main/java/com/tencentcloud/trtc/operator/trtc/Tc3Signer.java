package com.tencentcloud.trtc.operator.trtc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TC3-HMAC-SHA256, Tencent Cloud API signature version 3 (trtc-api §2).
 *
 * <p>Pure functions over their inputs: the client uses {@link #sign} to build {@code Authorization}, and the
 * emulator uses the same functions to verify what it receives. Every intermediate value is exposed in
 * {@link Signature} so that tests compare each step with the published vectors.
 */
public final class Tc3Signer {

    /** The algorithm name that opens the {@code Authorization} header and the string to sign. */
    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    /** The {@code X-TC-Content-SHA256} marker whose hash replaces the body hash (trtc-api §2.6). */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private Tc3Signer() {
    }

    /**
     * What is signed.
     *
     * @param method         HTTP method, {@code POST}
     * @param canonicalUri   {@code /}
     * @param canonicalQuery empty for POST
     * @param signedHeaders  header name to value; names are lowercased and values trimmed and lowercased
     * @param hashedPayload  lowercase hex SHA-256 of the body, see {@link #hashPayload(byte[])}
     * @param service        credential scope service, {@code trtc}
     * @param timestamp      the {@code X-TC-Timestamp} value in seconds
     */
    public record Input(String method, String canonicalUri, String canonicalQuery, Map<String, String> signedHeaders,
                        String hashedPayload, String service, long timestamp) {

        /** A JSON POST to {@code /} signed over {@code content-type} and {@code host}, as the vendor SDKs do. */
        public static Input jsonPost(String host, String contentType, byte[] body, String service, long timestamp) {
            return new Input("POST", "/", "", Map.of("content-type", contentType, "host", host),
                    hashPayload(body), service, timestamp);
        }
    }

    /**
     * Every step of one signature. Byte keys are shown as lowercase hex. {@link #toString()} leaves out the
     * derived keys, since {@code secretSigning} can sign any request for the same day and service.
     */
    public record Signature(String canonicalRequest, String hashedCanonicalRequest, String credentialScope,
                            String stringToSign, String secretDate, String secretService, String secretSigning,
                            String signedHeaders, String signature, String authorization) {

        /** The public steps; the derived keys are redacted. */
        @Override
        public String toString() {
            return "Tc3Signer.Signature[credentialScope=" + credentialScope + ", signedHeaders=" + signedHeaders
                    + ", hashedCanonicalRequest=" + hashedCanonicalRequest + ", signature=" + signature
                    + ", secretDate=<redacted>, secretService=<redacted>, secretSigning=<redacted>]";
        }
    }

    /** Signs {@code input} with {@code credentials}. */
    public static Signature sign(Credentials credentials, Input input) {
        SortedMap<String, String> headers = new TreeMap<>();
        input.signedHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.trim().toLowerCase(Locale.ROOT)));
        String canonicalHeaders = headers.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining());
        String signedHeaders = String.join(";", headers.keySet());
        String canonicalRequest = input.method() + "\n" + input.canonicalUri() + "\n" + input.canonicalQuery() + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + input.hashedPayload();
        String hashedCanonicalRequest = sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String date = utcDate(input.timestamp());
        String credentialScope = date + "/" + input.service() + "/tc3_request";
        String stringToSign = ALGORITHM + "\n" + input.timestamp() + "\n" + credentialScope + "\n" + hashedCanonicalRequest;

        byte[] secretDate = hmac(("TC3" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = hmac(secretDate, input.service());
        byte[] secretSigning = hmac(secretService, "tc3_request");
        String signature = HEX.formatHex(hmac(secretSigning, stringToSign));
        String authorization = ALGORITHM + " Credential=" + credentials.secretId() + "/" + credentialScope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        return new Signature(canonicalRequest, hashedCanonicalRequest, credentialScope, stringToSign,
                HEX.formatHex(secretDate), HEX.formatHex(secretService), HEX.formatHex(secretSigning),
                signedHeaders, signature, authorization);
    }

    /** Lowercase hex SHA-256 of the body bytes: the canonical request's {@code HashedRequestPayload}. */
    public static String hashPayload(byte[] body) {
        return sha256Hex(body);
    }

    /** The UTC calendar date of a Unix timestamp, {@code yyyy-MM-dd}, as the credential scope needs it. */
    public static String utcDate(long timestamp) {
        return DATE.format(Instant.ofEpochSecond(timestamp));
    }

    /** Compares two hex signatures in constant time. */
    public static boolean signaturesEqual(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
