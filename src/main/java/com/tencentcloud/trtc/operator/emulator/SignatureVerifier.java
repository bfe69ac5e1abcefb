package com.tencentcloud.trtc.operator.emulator;

import com.tencentcloud.trtc.operator.trtc.Credentials;
import com.tencentcloud.trtc.operator.trtc.Tc3Signer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies TC3-HMAC-SHA256 the way trtc-api §2.9 describes, in this order:
 * <ol>
 *   <li>{@code X-TC-Timestamp} absent → {@code MissingParameter}; not an integer → {@code InvalidParameterValue};</li>
 *   <li>{@code Authorization} absent or not of the exact documented shape, or {@code content-type} / {@code host}
 *       not signed → {@code AuthFailure.InvalidAuthorization};</li>
 *   <li>SecretId not configured → {@code AuthFailure.SecretIdNotFound};</li>
 *   <li>timestamp more than the allowed skew (300 s) from the emulator clock → {@code AuthFailure.SignatureExpire};</li>
 *   <li>credential scope whose date is not the UTC date of the timestamp, or whose service is not {@code trtc}
 *       → {@code AuthFailure.SignatureFailure};</li>
 *   <li>signature recomputed over the received method, {@code /}, the received values of the signed headers and
 *       the SHA-256 of the raw body (or of {@code UNSIGNED-PAYLOAD}) differs → {@code AuthFailure.SignatureFailure};</li>
 *   <li>{@code X-TC-Token} present for a long-term key, or different from a temporary key's token
 *       → {@code AuthFailure.TokenFailure}.</li>
 * </ol>
 * The signature and keys never appear in the error messages.
 */
final class SignatureVerifier {

    static final String SERVICE = "trtc";

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/tc3_request, "
                    + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$");
    private static final String SIGNATURE_FAILURE =
            "The provided credentials could not be validated. Please check your signature is correct.";

    private final Map<String, Credentials> credentials;
    private final Clock clock;
    private final Duration maxSkew;

    SignatureVerifier(Map<String, Credentials> credentials, Clock clock, Duration maxSkew) {
        this.credentials = Map.copyOf(credentials);
        this.clock = Objects.requireNonNull(clock);
        this.maxSkew = Objects.requireNonNull(maxSkew);
    }

    /**
     * Checks one request and returns the SecretId that signed it.
     *
     * @param method HTTP method as received
     * @param header case-insensitive header lookup, null when absent
     * @param body   the raw body bytes
     * @throws ApiError with the {@code AuthFailure.*} (or common-parameter) code of the first failed check
     */
    String verify(String method, Function<String, String> header, byte[] body) {
        long timestamp = timestamp(header.apply("X-TC-Timestamp"));
        String authorization = header.apply("Authorization");
        if (authorization == null) {
            throw new ApiError("AuthFailure.InvalidAuthorization", "The request is missing the `Authorization` header.");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw new ApiError("AuthFailure.InvalidAuthorization", "Authorization in the request header is invalid.");
        }
        String secretId = m.group(1);
        String scopeDate = m.group(2);
        String scopeService = m.group(3);
        List<String> signedNames = Arrays.asList(m.group(4).split(";"));
        String signature = m.group(5);
        if (!signedNames.contains("content-type") || !signedNames.contains("host")) {
            throw new ApiError("AuthFailure.InvalidAuthorization",
                    "Authorization in the request header is invalid: SignedHeaders must include content-type and host.");
        }
        Credentials key = credentials.get(secretId);
        if (key == null) {
            throw new ApiError("AuthFailure.SecretIdNotFound",
                    "The SecretId is not found, please ensure that your SecretId is correct.");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > maxSkew.toSeconds()) {
            throw new ApiError("AuthFailure.SignatureExpire",
                    "Signature expired. Timestamp:" + timestamp + ", server time:" + now + ".");
        }
        if (!scopeDate.equals(Tc3Signer.utcDate(timestamp)) || !SERVICE.equals(scopeService)) {
            throw new ApiError("AuthFailure.SignatureFailure", SIGNATURE_FAILURE
                    + " The credential scope must be <UTC date of X-TC-Timestamp>/" + SERVICE + "/tc3_request.");
        }
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        for (String name : signedNames) {
            String value = header.apply(name);
            signedHeaders.put(name, value == null ? "" : value);
        }
        String hashedPayload = Tc3Signer.UNSIGNED_PAYLOAD.equals(header.apply("X-TC-Content-SHA256"))
                ? Tc3Signer.hashPayload(Tc3Signer.UNSIGNED_PAYLOAD.getBytes(StandardCharsets.US_ASCII))
                : Tc3Signer.hashPayload(body);
        Tc3Signer.Input input = new Tc3Signer.Input(method, "/", "", signedHeaders, hashedPayload, scopeService, timestamp);
        String expected = Tc3Signer.sign(key, input).signature();
        if (!Tc3Signer.signaturesEqual(expected, signature)) {
            throw new ApiError("AuthFailure.SignatureFailure", SIGNATURE_FAILURE);
        }
        String token = header.apply("X-TC-Token");
        if (token != null && !token.isEmpty() && !token.equals(key.token())) {
            throw new ApiError("AuthFailure.TokenFailure", "The provided token is invalid or does not match the SecretId.");
        }
        if (key.token() != null && !key.token().equals(token)) {
            throw new ApiError("AuthFailure.TokenFailure", "The temporary credential needs its token in `X-TC-Token`.");
        }
        return secretId;
    }

    private static long timestamp(String value) {
        if (value == null || value.isBlank()) {
            throw ApiError.missingCommon("Timestamp");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiError("InvalidParameterValue", "A value specified in `X-TC-Timestamp` is not valid.");
        }
    }
}
