package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorCommandTest {

    @Test
    void parsesPortRepeatedCredentialsAndTheHourLength() {
        EmulatorCommand.Options options = EmulatorCommand.parse(new String[] {
                "--port", "18443", "--credential", "AKID1:key:with:colons", "--credential", "AKID2:k2", "--hour-length", "PT1M"});

        assertThat(options.port()).isEqualTo(18443);
        assertThat(options.credentials()).extracting(c -> c[0] + "=" + c[1]).containsExactly("AKID1=key:with:colons", "AKID2=k2");
        assertThat(options.hourLength()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.rateLimit()).isEqualTo(20);
        assertThat(options.maxLiveTasks()).isEqualTo(100);
        assertThat(options.sdkApps()).isEmpty();
    }

    @Test
    void sdkAppsAreDeclaredWithTheirSecretKeys() {
        EmulatorCommand.Options options = EmulatorCommand.parse(new String[] {
                "--port", "0", "--credential", "a:b", "--sdk-app", "1400000001:key1", "--sdk-app", "1400000002:key2"});

        assertThat(options.sdkApps()).containsExactly(java.util.Map.entry(1400000001L, "key1"), java.util.Map.entry(1400000002L, "key2"));
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port", "0", "--credential", "a:b", "--sdk-app", "app:key"}))
                .hasMessageContaining("numeric SdkAppId");
    }

    @Test
    void callbacksTakeAUrlAndAKeyTogether() {
        EmulatorCommand.Options options = EmulatorCommand.parse(new String[] {"--port", "0", "--credential", "a:b",
                "--callback-url", "http://127.0.0.1:9443/trtc/callback", "--callback-key", "k3y"});
        assertThat(options.callbackUrl()).hasToString("http://127.0.0.1:9443/trtc/callback");
        assertThat(options.callbackKey()).isEqualTo("k3y");
        try (TrtcEmulator emulator = EmulatorCommand.build(options)) {
            assertThat(emulator.callbacks().enabled()).isTrue();
        }
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port", "0", "--credential", "a:b",
                "--callback-url", "http://127.0.0.1:9443/"})).hasMessageContaining("go together");
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port", "0", "--credential", "a:b",
                "--callback-url", "ftp://x/", "--callback-key", "k"})).hasMessageContaining("http");
    }

    @Test
    void theHourLengthMayBeGivenInSeconds() {
        assertThat(EmulatorCommand.parse(new String[] {"--port", "0", "--credential", "a:b", "--hour-length", "30"}).hourLength())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesIncompleteOrUnknownArguments() {
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--credential", "a:b"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port", "1"})).hasMessageContaining("--credential");
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port", "1", "--credential", "nokey"}))
                .hasMessageContaining("SECRET_ID:SECRET_KEY");
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port", "x"})).hasMessageContaining("number");
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--verbose", "1"})).hasMessageContaining("unknown");
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThat(EmulatorCommand.run(new String[] {"--bogus", "1"})).isEqualTo(2);
    }

    @Test
    void theParsedOptionsBuildAWorkingEmulator() {
        try (TrtcEmulator emulator = EmulatorCommand.build(EmulatorCommand.parse(
                new String[] {"--port", "0", "--credential", "AKID1:k1"})).start()) {
            assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void aPortInUseIsExitCodeOne() {
        try (TrtcEmulator running = TrtcEmulator.builder().credential("a", "b").build().start()) {
            assertThat(EmulatorCommand.run(new String[] {"--port", Integer.toString(running.port()), "--credential", "a:b"}))
                    .isEqualTo(1);
        }
    }
}
