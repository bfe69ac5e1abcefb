package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TrtcEndpointTest {

    @Test
    void unsetVariableMeansTheChinaSiteOverHttps() {
        TrtcEndpoint endpoint = TrtcEndpoint.fromEnvironment(Map.of());

        assertThat(endpoint.url()).hasToString("https://trtc.tencentcloudapi.com/");
        assertThat(endpoint.signedHost()).isEqualTo("trtc.tencentcloudapi.com");
        assertThat(endpoint.service()).isEqualTo("trtc");
        assertThat(endpoint).isEqualTo(TrtcEndpoint.defaultEndpoint());
    }

    @Test
    void bareIntlHostMeansHttpsToThatHost() {
        TrtcEndpoint endpoint = TrtcEndpoint.fromEnvironment(Map.of("TRTC_ENDPOINT", "trtc.intl.tencentcloudapi.com"));

        assertThat(endpoint.url()).hasToString("https://trtc.intl.tencentcloudapi.com/");
        assertThat(endpoint.signedHost()).isEqualTo("trtc.intl.tencentcloudapi.com");
        assertThat(endpoint.service()).isEqualTo("trtc");
    }

    @Test
    void emulatorUrlIsUsedAsIsAndSignsItsPort() {
        TrtcEndpoint endpoint = TrtcEndpoint.parse("http://127.0.0.1:18443");

        assertThat(endpoint.url()).hasToString("http://127.0.0.1:18443/");
        assertThat(endpoint.signedHost()).isEqualTo("127.0.0.1:18443");
        assertThat(endpoint.service()).isEqualTo("trtc");
    }

    @Test
    void defaultPortOfTheSchemeIsLeftOutOfTheSignedHost() {
        assertThat(TrtcEndpoint.parse("https://trtc.tencentcloudapi.com:443").signedHost())
                .isEqualTo("trtc.tencentcloudapi.com");
        assertThat(TrtcEndpoint.parse("http://localhost:80/").signedHost()).isEqualTo("localhost");
        assertThat(TrtcEndpoint.parse("https://localhost:80").signedHost()).isEqualTo("localhost:80");
    }

    @Test
    void bareHostWithPortMeansHttpsToThatPort() {
        TrtcEndpoint endpoint = TrtcEndpoint.parse("trtc.example.internal:8443");

        assertThat(endpoint.url()).hasToString("https://trtc.example.internal:8443/");
        assertThat(endpoint.signedHost()).isEqualTo("trtc.example.internal:8443");
    }

    @Test
    void ipv6LiteralIsSignedInBracketsAsOkHttpSendsIt() {
        TrtcEndpoint endpoint = TrtcEndpoint.parse("http://[::1]:18443/");

        assertThat(endpoint.signedHost()).isEqualTo("[::1]:18443");
    }

    @Test
    void hostIsLowercasedAndSurroundingBlanksAreIgnored() {
        assertThat(TrtcEndpoint.parse("  HTTPS://TRTC.TencentCloudAPI.com/ ").signedHost())
                .isEqualTo("trtc.tencentcloudapi.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://trtc.tencentcloudapi.com", "https://trtc.tencentcloudapi.com/v3",
            "trtc.tencentcloudapi.com/path", "http://127.0.0.1:18443/?a=b", "https://host/#frag", "http://",
            "https://", "not a host", "http://host:99999", "https://user:pw@trtc.tencentcloudapi.com"})
    void badValuesAreRefusedWithAOneLineMessageNamingTheVariable(String value) {
        assertThatThrownBy(() -> TrtcEndpoint.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TRTC_ENDPOINT ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("pw@");
    }

    @Test
    void setButEmptyVariableIsRefusedRatherThanSilentlyDefaulted() {
        assertThatThrownBy(() -> TrtcEndpoint.fromEnvironment(Map.of("TRTC_ENDPOINT", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRTC_ENDPOINT is empty");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> TrtcEndpoint.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
