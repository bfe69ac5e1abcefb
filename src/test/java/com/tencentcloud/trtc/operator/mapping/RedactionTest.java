package com.tencentcloud.trtc.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void everySecretValueIsMaskedLongestFirst() {
        String text = "key abcdef1234 and abcdef and usersig eJyrVg==";
        assertThat(Redaction.redact(text, List.of("abcdef", "abcdef1234", "eJyrVg==")))
                .isEqualTo("key <redacted> and <redacted> and usersig <redacted>");
    }

    @Test
    void absentAndTrivialValuesChangeNothing() {
        assertThat(Redaction.redact("a b c", Arrays.asList(null, "", "b"))).isEqualTo("a b c");
        assertThat(Redaction.redact(null, List.of("secret"))).isNull();
    }
}
