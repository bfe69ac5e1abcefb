package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published TC3-HMAC-SHA256 vectors of trtc-api §2.7, every intermediate value. */
class Tc3SignerTest {

    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final long TIMESTAMP_2019 = 1551113065L;
    private static final Credentials MASKED_KEYS =
            new Credentials("AKID********************************", "********************************");
    private static final String PAYLOAD_A =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"unnamed\"], \"Name\": \"instance-name\"}]}";
    private static final String PAYLOAD_B =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    @Test
    void vectorAMatchesTheIntlSignatureV3PageAtEveryStep() {
        byte[] payload = bytes(PAYLOAD_A);
        assertThat(payload).hasSize(75);

        Tc3Signer.Signature s = Tc3Signer.sign(MASKED_KEYS,
                Tc3Signer.Input.jsonPost("cvm.tencentcloudapi.com", JSON_UTF8, payload, "cvm", TIMESTAMP_2019));

        assertThat(Tc3Signer.hashPayload(payload))
                .isEqualTo("99d58dfbc6745f6747f36bfca17dee5e6881dc0428a0a36f96199342bc5b4907");
        assertThat(s.canonicalRequest()).isEqualTo("""
                POST
                /

                content-type:application/json; charset=utf-8
                host:cvm.tencentcloudapi.com

                content-type;host
                99d58dfbc6745f6747f36bfca17dee5e6881dc0428a0a36f96199342bc5b4907""");
        assertThat(s.hashedCanonicalRequest())
                .isEqualTo("2815843035062fffda5fd6f2a44ea8a34818b0dc46f024b8b3786976a3adda7a");
        assertThat(s.credentialScope()).isEqualTo("2019-02-25/cvm/tc3_request");
        assertThat(s.stringToSign()).isEqualTo("""
                TC3-HMAC-SHA256
                1551113065
                2019-02-25/cvm/tc3_request
                2815843035062fffda5fd6f2a44ea8a34818b0dc46f024b8b3786976a3adda7a""");
        assertThat(s.secretDate()).isEqualTo("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0");
        assertThat(s.secretService()).isEqualTo("8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f");
        assertThat(s.secretSigning()).isEqualTo("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af");
        assertThat(s.signedHeaders()).isEqualTo("content-type;host");
        assertThat(s.signature()).isEqualTo("a7b8551448762bd123d6f79e81815e31a92013640a6cef36a08ad4b292a4d2f2");
        assertThat(s.authorization()).isEqualTo("TC3-HMAC-SHA256 Credential=AKID********************************"
                + "/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
                + "Signature=a7b8551448762bd123d6f79e81815e31a92013640a6cef36a08ad4b292a4d2f2");
    }

    @Test
    void vectorBSignsXTcActionLowercasedAsTheCnWorkedExampleDoes() {
        byte[] payload = bytes(PAYLOAD_B);
        assertThat(payload).hasSize(86);

        Tc3Signer.Signature s = Tc3Signer.sign(MASKED_KEYS, new Tc3Signer.Input("POST", "/", "",
                Map.of("Content-Type", JSON_UTF8, "Host", "cvm.tencentcloudapi.com", "X-TC-Action", "DescribeInstances"),
                Tc3Signer.hashPayload(payload), "cvm", TIMESTAMP_2019));

        assertThat(Tc3Signer.hashPayload(payload))
                .isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(s.canonicalRequest()).isEqualTo("POST\n/\n\n"
                + "content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n"
                + "x-tc-action:describeinstances\n"
                + "\ncontent-type;host;x-tc-action\n"
                + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(s.signedHeaders()).isEqualTo("content-type;host;x-tc-action");
        assertThat(s.hashedCanonicalRequest())
                .isEqualTo("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
        assertThat(s.secretDate()).isEqualTo("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0");
        assertThat(s.secretService()).isEqualTo("8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f");
        assertThat(s.secretSigning()).isEqualTo("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af");
        assertThat(s.signature()).isEqualTo("10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
        assertThat(s.authorization()).isEqualTo("TC3-HMAC-SHA256 Credential=AKID********************************"
                + "/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, "
                + "Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
    }

    @Test
    void vectorCMatchesTheLegacyDocExample() {
        Credentials legacy = new Credentials("AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******");

        Tc3Signer.Signature s = Tc3Signer.sign(legacy,
                Tc3Signer.Input.jsonPost("cvm.tencentcloudapi.com", JSON_UTF8, bytes(PAYLOAD_B), "cvm", TIMESTAMP_2019));

        assertThat(Tc3Signer.hashPayload(bytes(PAYLOAD_B)))
                .isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(s.hashedCanonicalRequest())
                .isEqualTo("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        assertThat(s.secretDate()).isEqualTo("f1cb4d518a0eda9d5cbbfdb7850983f1e603eeae484edea76e4dd8d8deb5556e");
        assertThat(s.secretService()).isEqualTo("e7c609ce81bea53546bed2cc904778bef9ca14082e48e67883443ed64e227cd7");
        assertThat(s.secretSigning()).isEqualTo("8aa8ab5755582f576e94bcfe383b8e29325b0ca90c3590d569221c6a63a091ed");
        assertThat(s.signature()).isEqualTo("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
        assertThat(s.authorization()).isEqualTo("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******"
                + "/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
                + "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
    }

    @Test
    void vectorDMatchesTheNodeSdkTestWithAContentTypeWithoutCharset() {
        Credentials node = new Credentials("test-secret-id", "test-secret-key");

        Tc3Signer.Signature s = Tc3Signer.sign(node, Tc3Signer.Input.jsonPost("cvm.tencentcloudapi.com",
                "application/json", bytes("{\"Action\":\"DescribeInstances\",\"Version\":\"2017-03-12\"}"),
                "cvm", 1640995200L));

        assertThat(s.credentialScope()).isEqualTo("2022-01-01/cvm/tc3_request");
        assertThat(s.signature()).isEqualTo("96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3");
        assertThat(s.authorization()).isEqualTo("TC3-HMAC-SHA256 Credential=test-secret-id/2022-01-01/cvm/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3");
    }

    @Test
    void vectorESignsACreateCloudRecordingForTheTrtcService() {
        Credentials example = new Credentials("AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12", "SECRETKEYEXAMPLEEXAMPLEEXAMPLE12");
        byte[] payload = bytes("{\"SdkAppId\":1400000001,\"RoomId\":\"room_1\",\"UserId\":\"recorder_room_1\","
                + "\"UserSig\":\"dummy-sig\",\"RecordParams\":{\"RecordMode\":2,\"MaxIdleTime\":30},"
                + "\"StorageParams\":{\"CloudVod\":{\"TencentVod\":{\"ExpireTime\":0}}},\"RoomIdType\":0}");
        assertThat(payload).hasSize(215);

        Tc3Signer.Signature s = Tc3Signer.sign(example,
                Tc3Signer.Input.jsonPost("trtc.tencentcloudapi.com", JSON_UTF8, payload, "trtc", 1700000000L));

        assertThat(Tc3Signer.hashPayload(payload))
                .isEqualTo("4499ab088ef3e81c68b5a06533b6e0a0eb5291e0504dd85d4837e6b34a3e8bd2");
        assertThat(s.hashedCanonicalRequest())
                .isEqualTo("3724fbe9ab7f1562e6ca702b2f3c5a03ebca0c0b7909cd3b34b0712db16b5b32");
        assertThat(s.credentialScope()).isEqualTo("2023-11-14/trtc/tc3_request");
        assertThat(s.secretDate()).isEqualTo("0739a8b66b10ec67a61be31f976f0cbe319584d7ae17c498a51ae696787719de");
        assertThat(s.secretService()).isEqualTo("4cc4809a11354fec8bacee0ab249dd3e9ebf24d51fd9d4a9f8abbb7a095b4b5a");
        assertThat(s.secretSigning()).isEqualTo("566e67147a8eddf86455cad172e3f8fd928b350efe4070720f1c57fc57aed1d4");
        assertThat(s.signature()).isEqualTo("6bbabb166e3a11391e6e7cea8c255bfa7c3003688c2cd9e8217f676f9d305ca2");
        assertThat(s.authorization()).isEqualTo("TC3-HMAC-SHA256 Credential=AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12"
                + "/2023-11-14/trtc/tc3_request, SignedHeaders=content-type;host, "
                + "Signature=6bbabb166e3a11391e6e7cea8c255bfa7c3003688c2cd9e8217f676f9d305ca2");
    }

    @Test
    void unsignedPayloadHashesTheLiteralMarker() {
        assertThat(Tc3Signer.hashPayload(bytes(Tc3Signer.UNSIGNED_PAYLOAD)))
                .isEqualTo("438d4109ef0d676b8c2c7ed13cdfcb418e494d53b843d4634ce3b1085f07bb96");
    }

    @Test
    void credentialDateIsTheUtcDateEvenWhenUtcPlus8IsTheNextDay() {
        Instant instant = Instant.ofEpochSecond(TIMESTAMP_2019);
        assertThat(instant.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()).isEqualTo(LocalDate.of(2019, 2, 26));

        assertThat(Tc3Signer.utcDate(TIMESTAMP_2019)).isEqualTo("2019-02-25");
    }

    @Test
    void signatureToStringHidesTheDerivedKeys() {
        Tc3Signer.Signature s = Tc3Signer.sign(MASKED_KEYS,
                Tc3Signer.Input.jsonPost("cvm.tencentcloudapi.com", JSON_UTF8, bytes(PAYLOAD_A), "cvm", TIMESTAMP_2019));

        assertThat(s.toString()).doesNotContain(s.secretDate(), s.secretService(), s.secretSigning())
                .contains(s.signature());
    }

    @Test
    void signaturesAreComparedByValue() {
        String sig = "a7b8551448762bd123d6f79e81815e31a92013640a6cef36a08ad4b292a4d2f2";

        assertThat(Tc3Signer.signaturesEqual(sig, new String(sig))).isTrue();
        assertThat(Tc3Signer.signaturesEqual(sig, sig.replace('a', 'b'))).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
