package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import org.junit.jupiter.api.Test;

class UserSigVerificationTest extends EmulatorFixture {

    private static final long APP = 1400000001L;
    private static final String SDK_SECRET_KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    @Override
    TrtcEmulator.Builder configure(TrtcEmulator.Builder builder) {
        return builder.sdkApp(APP, SDK_SECRET_KEY);
    }

    private ObjectNode withUserSig(String userSig) {
        return fixture("create-cos-single.json").put("UserSig", userSig);
    }

    private String sig(String identifier, String key, long expire) {
        return UserSig.generate(APP, key, identifier, expire, clock.instant().getEpochSecond());
    }

    @Test
    void aUserSigIssuedForTheRobotWithTheAppsKeyIsAccepted() {
        assertThat(create(withUserSig(sig("recorder_1234", SDK_SECRET_KEY, 86400))).code()).isNull();
    }

    @Test
    void aUserSigForAnotherUserSignedWithAnotherKeyOrExpiredIsInvalidParameterUserSig() {
        assertThat(create(withUserSig(sig("someone_else", SDK_SECRET_KEY, 86400))).code()).isEqualTo("InvalidParameter.UserSig");
        assertThat(create(withUserSig(sig("recorder_1234", "another-key", 86400))).code()).isEqualTo("InvalidParameter.UserSig");
        String shortLived = sig("recorder_1234", SDK_SECRET_KEY, 60);
        clock.advance(java.time.Duration.ofSeconds(61));
        assertThat(create(withUserSig(shortLived)).code()).isEqualTo("InvalidParameter.UserSig");
        assertThat(create(withUserSig("not-a-usersig")).code()).isEqualTo("InvalidParameter.UserSig");
        assertThat(emulator.tasks()).isEmpty();
    }

    @Test
    void onlyDeclaredAppsExist() {
        assertThat(create(fixture("create-cos-single.json").put("SdkAppId", 1400000002L)).code())
                .isEqualTo("InvalidParameter.SdkAppId");
    }
}
