package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloud.trtc.operator.trtc.Credentials;
import com.tencentcloud.trtc.operator.trtc.Tc3Signer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SignatureVerificationTest extends EmulatorFixture {

    private static final String DESCRIBE = "{\"SdkAppId\":1400000001,\"TaskId\":\"no-such-task\"}";
    private static final Credentials TEMPORARY = new Credentials("AKIDtemporary00000000000000000000001", "temporary-key", "session-token");

    @Override
    TrtcEmulator.Builder configure(TrtcEmulator.Builder builder) {
        return builder.credential(TEMPORARY);
    }

    @Test
    void acceptsThePublishedTrtcVectorE() {
        String body = "{\"SdkAppId\":1400000001,\"RoomId\":\"room_1\",\"UserId\":\"recorder_room_1\",\"UserSig\":\"dummy-sig\","
                + "\"RecordParams\":{\"RecordMode\":2,\"MaxIdleTime\":30},\"StorageParams\":{\"CloudVod\":{\"TencentVod\":"
                + "{\"ExpireTime\":0}}},\"RoomIdType\":0}";
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Host", "trtc.tencentcloudapi.com");
        headers.put("X-TC-Timestamp", "1700000000");
        headers.put("Authorization", "TC3-HMAC-SHA256 Credential=AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12/2023-11-14/trtc/tc3_request, "
                + "SignedHeaders=content-type;host, Signature=6bbabb166e3a11391e6e7cea8c255bfa7c3003688c2cd9e8217f676f9d305ca2");
        SignatureVerifier verifier = new SignatureVerifier(
                Map.of("AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12", new Credentials("AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12",
                        "SECRETKEYEXAMPLEEXAMPLEEXAMPLE12")),
                Clock.fixed(Instant.ofEpochSecond(1700000100), ZoneOffset.UTC), Duration.ofMinutes(5));

        assertThat(verifier.verify("POST", headers::get, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12");
        assertThatThrownBy(() -> verifier.verify("POST", headers::get, (body + " ").getBytes(StandardCharsets.UTF_8)))
                .hasFieldOrPropertyWithValue("code", "AuthFailure.SignatureFailure");
    }

    @Test
    void aCorrectlySignedCallPassesVerification() {
        SignedCall.Answer answer = call("DescribeCloudRecording").body(DESCRIBE).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isEqualTo("ResourceNotFound");
        assertThat(answer.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void anUnknownSecretIdIsSecretIdNotFound() {
        SignedCall.Answer answer = call("DescribeCloudRecording").body(DESCRIBE)
                .key(new Credentials("AKIDnobodyknowsthisone0000000000000", KEY.secretKey())).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isEqualTo("AuthFailure.SecretIdNotFound");
        assertThat(answer.requestId()).isNotBlank();
    }

    @Test
    void aWrongSecretKeyIsSignatureFailure() {
        SignedCall.Answer answer = call("DescribeCloudRecording").body(DESCRIBE)
                .key(new Credentials(KEY.secretId(), "not-the-right-key")).send();

        assertThat(answer.code()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(answer.message()).doesNotContain(KEY.secretKey());
    }

    @Test
    void aBodyChangedAfterSigningIsSignatureFailure() {
        SignedCall signed = call("DescribeCloudRecording").body(DESCRIBE);
        String authorization = signed.authorization();

        SignedCall.Answer answer = signed.body(DESCRIBE.replace("no-such-task", "another-task"))
                .authorization(authorization).send();

        assertThat(answer.code()).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void aSignatureOverAnotherHostIsSignatureFailure() {
        SignedCall signed = call("DescribeCloudRecording").body(DESCRIBE);

        SignedCall.Answer answer = signed.header("Host", "trtc.tencentcloudapi.com").send();

        assertThat(answer.code()).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsSignatureExpire() {
        long now = clock.instant().getEpochSecond();

        assertThat(call("DescribeCloudRecording").body(DESCRIBE).timestamp(now - 301).send().code())
                .isEqualTo("AuthFailure.SignatureExpire");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).timestamp(now + 301).send().code())
                .isEqualTo("AuthFailure.SignatureExpire");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).timestamp(now - 299).send().code())
                .isEqualTo("ResourceNotFound");
    }

    @Test
    void aCredentialScopeWithTheWrongDateOrServiceIsSignatureFailure() {
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).scopeDate("2019-02-25").send().code())
                .isEqualTo("AuthFailure.SignatureFailure");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).service("cvm").send().code())
                .isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void aMalformedAuthorizationIsInvalidAuthorization() {
        String good = call("DescribeCloudRecording").body(DESCRIBE).authorization();

        assertThat(call("DescribeCloudRecording").body(DESCRIBE).authorization(good.replace(", ", ",")).send().code())
                .isEqualTo("AuthFailure.InvalidAuthorization");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).authorization("Bearer abc").send().code())
                .isEqualTo("AuthFailure.InvalidAuthorization");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE)
                .authorization(good.replace("SignedHeaders=content-type;host", "SignedHeaders=host")).send().code())
                .isEqualTo("AuthFailure.InvalidAuthorization");
    }

    @Test
    void aMissingOrUnreadableTimestampIsACommonParameterError() {
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).header("X-TC-Timestamp", "").send().code())
                .isEqualTo("MissingParameter");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).header("X-TC-Timestamp", "soon").send().code())
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void anUnsignedPayloadIsAcceptedWhenDeclared() {
        long ts = clock.instant().getEpochSecond();
        String host = emulator.baseUrl().substring("http://".length());
        Tc3Signer.Input input = new Tc3Signer.Input("POST", "/", "",
                Map.of("content-type", SignedCall.CONTENT_TYPE, "host", host),
                Tc3Signer.hashPayload(Tc3Signer.UNSIGNED_PAYLOAD.getBytes(StandardCharsets.US_ASCII)), "trtc", ts);

        SignedCall.Answer answer = call("DescribeCloudRecording").body(DESCRIBE).timestamp(ts)
                .header("X-TC-Content-SHA256", "UNSIGNED-PAYLOAD")
                .authorization(Tc3Signer.sign(KEY, input).authorization()).send();

        assertThat(answer.code()).isEqualTo("ResourceNotFound");
    }

    @Test
    void aTokenWithALongTermKeyIsTokenFailure() {
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).header("X-TC-Token", "session-token").send().code())
                .isEqualTo("AuthFailure.TokenFailure");
    }

    @Test
    void aTemporaryKeyNeedsItsOwnToken() {
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).key(TEMPORARY).header("X-TC-Token", "session-token").send().code())
                .isEqualTo("ResourceNotFound");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).key(TEMPORARY).header("X-TC-Token", "stale-token").send().code())
                .isEqualTo("AuthFailure.TokenFailure");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).key(TEMPORARY).send().code())
                .isEqualTo("AuthFailure.TokenFailure");
    }
}
