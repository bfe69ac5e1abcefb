package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** TLSSigAPIv2 against the fixed-time vectors of trtc-api §7.4 and §7.5. */
class UserSigTest {

    private static final long APP = 1400000000L;
    private static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    private static final String USER = "xiaojun";
    private static final long EXPIRE = 15552000L;
    private static final long NOW = 1700000000L;
    private static final String PYTHON_USER_SIG = "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlA"
            + "KUMTAyiAyqVWFGQWpYJkTE1NjRDiJZm5YFFzNPXFmekgG3zKHM1T9D3LzdODi-OKs8vCqpxcAvydnV2SSv2cy03cPcpDnA2SMgu0nUx"
            + "slWoBHdYzUg__";
    private static final String VECTOR_SIG = "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=";
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void contentHmacAndSigMatchThePublishedVector() {
        String content = UserSig.contentToSign(USER, APP, NOW, EXPIRE, null);

        assertThat(content).isEqualTo("TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\n"
                + "TLS.expire:15552000\n");
        assertThat(HEX.formatHex(UserSig.hmac(KEY, content)))
                .isEqualTo("2ef03b77f230ee04ac9ec92f5730433ce0820dbb8d0b0e061f04c2d1b8a9f81e");
        assertThat(UserSig.decode(UserSig.generate(APP, KEY, USER, EXPIRE, NOW)).sig()).isEqualTo(VECTOR_SIG);
    }

    @Test
    void pythonProducedUserSigDecodesToThePublishedFields() {
        UserSig.Decoded decoded = UserSig.decode(PYTHON_USER_SIG);

        assertThat(decoded.version()).isEqualTo("2.0");
        assertThat(decoded.identifier()).isEqualTo(USER);
        assertThat(decoded.sdkAppId()).isEqualTo(APP);
        assertThat(decoded.expire()).isEqualTo(EXPIRE);
        assertThat(decoded.time()).isEqualTo(NOW);
        assertThat(decoded.sig()).isEqualTo(VECTOR_SIG);
        assertThat(decoded.userBuf()).isNull();
    }

    @Test
    void pythonProducedUserSigVerifiesWithTheKey() {
        UserSig.Verification verification = UserSig.verify(PYTHON_USER_SIG, APP, USER, KEY, NOW + 60);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.reason()).isEqualTo("valid");
    }

    @Test
    void ownUserSigDecodesToItsFieldsAndVerifies() {
        String sig = UserSig.generate(APP, KEY, USER, EXPIRE, NOW);

        assertThat(sig).matches("[A-Za-z0-9*\\-_]+");
        assertThat(UserSig.decode(sig)).isEqualTo(UserSig.decode(PYTHON_USER_SIG));
        assertThat(UserSig.verify(sig, APP, USER, KEY, NOW).valid()).isTrue();
    }

    @Test
    void userSigIsValidUpToAndIncludingItsLastSecond() {
        assertThat(UserSig.verify(PYTHON_USER_SIG, APP, USER, KEY, NOW + EXPIRE).valid()).isTrue();
    }

    @Test
    void wrongKeyIsRefusedAsSigNotMatch() {
        UserSig.Verification verification = UserSig.verify(PYTHON_USER_SIG, APP, USER, KEY.replace('5', '6'), NOW);

        assertThat(verification.outcome()).isEqualTo(UserSig.Outcome.SIGNATURE_MISMATCH);
        assertThat(verification.reason()).isEqualTo("sig not match");
    }

    @Test
    void wrongIdentifierIsRefused() {
        UserSig.Verification verification = UserSig.verify(PYTHON_USER_SIG, APP, "someone_else", KEY, NOW);

        assertThat(verification.outcome()).isEqualTo(UserSig.Outcome.IDENTIFIER_MISMATCH);
        assertThat(verification.reason()).isEqualTo("identifier not match");
    }

    @Test
    void wrongApplicationIsRefused() {
        UserSig.Verification verification = UserSig.verify(PYTHON_USER_SIG, APP + 1, USER, KEY, NOW);

        assertThat(verification.outcome()).isEqualTo(UserSig.Outcome.SDK_APP_ID_MISMATCH);
        assertThat(verification.reason()).isEqualTo("sdk appid not match");
    }

    @Test
    void expiredUserSigIsRefused() {
        UserSig.Verification verification = UserSig.verify(PYTHON_USER_SIG, APP, USER, KEY, NOW + EXPIRE + 1);

        assertThat(verification.outcome()).isEqualTo(UserSig.Outcome.EXPIRED);
        assertThat(verification.reason()).isEqualTo("expired");
    }

    @Test
    void garbageIsRefusedAsMalformedWithoutThrowing() {
        assertThat(UserSig.verify("not-a-sig", APP, USER, KEY, NOW).outcome()).isEqualTo(UserSig.Outcome.MALFORMED);
        assertThat(UserSig.verify(PYTHON_USER_SIG.substring(0, 40), APP, USER, KEY, NOW).outcome())
                .isEqualTo(UserSig.Outcome.MALFORMED);
        assertThat(UserSig.verify("", APP, USER, KEY, NOW).outcome()).isEqualTo(UserSig.Outcome.MALFORMED);
    }

    @Test
    void decodeFailuresDoNotEchoTheSignature() {
        String bad = PYTHON_USER_SIG.substring(0, 40);

        assertThatThrownBy(() -> UserSig.decode(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(bad);
    }

    @Test
    void decodedToStringHidesTheSig() {
        assertThat(UserSig.decode(PYTHON_USER_SIG).toString()).doesNotContain(VECTOR_SIG).contains("xiaojun");
    }

    @Test
    void numericRoomUserBufMatchesThePublishedHex() {
        byte[] userBuf = UserSig.privateMapKeyUserBuf(USER, APP, 10000, null, NOW + EXPIRE, UserSig.PRIVILEGE_ALL);

        assertThat(HEX.formatHex(userBuf)).isEqualTo("0000077869616f6a756e53724e000000271066413f00000000ff00000000");
        assertThat(Base64.getEncoder().encodeToString(userBuf)).isEqualTo("AAAHeGlhb2p1blNyTgAAACcQZkE/AAAAAP8AAAAA");
    }

    @Test
    void stringRoomUserBufMatchesThePublishedHex() {
        byte[] userBuf = UserSig.privateMapKeyUserBuf(USER, APP, 0, "100000000", NOW + EXPIRE, UserSig.PRIVILEGE_ALL);

        assertThat(HEX.formatHex(userBuf))
                .isEqualTo("0100077869616f6a756e53724e000000000066413f00000000ff000000000009313030303030303030");
    }

    @Test
    void numericRoomPrivateMapKeyCarriesThePublishedSigAndVerifies() {
        String key = UserSig.generatePrivateMapKey(APP, KEY, USER, EXPIRE, NOW, 10000L, UserSig.PRIVILEGE_ALL);

        UserSig.Decoded decoded = UserSig.decode(key);
        assertThat(decoded.sig()).isEqualTo("y9Avb5xwHgIgoABbGakLaE0xs+v/dLcIPegbWfcbRLI=");
        assertThat(HEX.formatHex(decoded.userBuf()))
                .isEqualTo("0000077869616f6a756e53724e000000271066413f00000000ff00000000");
        assertThat(UserSig.verifyPrivateMapKey(key, APP, USER, KEY, NOW).valid()).isTrue();
    }

    @Test
    void stringRoomPrivateMapKeyCarriesItsRoomAndVerifies() {
        String key = UserSig.generatePrivateMapKey(APP, KEY, USER, EXPIRE, NOW, "100000000", UserSig.PRIVILEGE_ALL);

        assertThat(HEX.formatHex(UserSig.decode(key).userBuf()))
                .isEqualTo("0100077869616f6a756e53724e000000000066413f00000000ff000000000009313030303030303030");
        assertThat(UserSig.verifyPrivateMapKey(key, APP, USER, KEY, NOW).valid()).isTrue();
        assertThat(UserSig.verifyPrivateMapKey(key, APP, USER, "wrong", NOW).outcome())
                .isEqualTo(UserSig.Outcome.SIGNATURE_MISMATCH);
    }

    @Test
    void userSigAndPrivateMapKeyAreNotInterchangeable() {
        String privateMapKey = UserSig.generatePrivateMapKey(APP, KEY, USER, EXPIRE, NOW, 10000L, UserSig.PRIVILEGE_ALL);

        assertThat(UserSig.verify(privateMapKey, APP, USER, KEY, NOW).outcome())
                .isEqualTo(UserSig.Outcome.USERBUF_MISMATCH);
        assertThat(UserSig.verifyPrivateMapKey(PYTHON_USER_SIG, APP, USER, KEY, NOW).outcome())
                .isEqualTo(UserSig.Outcome.USERBUF_MISMATCH);
    }
}
