package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    /** The official vector of trtc-api §6.9: key 123654, the body with its newlines and TABs as sent. */
    static final String VECTOR_BODY = "{\n\t\"EventGroupId\":\t2,\n\t\"EventType\":\t204,\n\t\"CallbackTs\":\t1664209748188,\n"
            + "\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t8489,\n\t\t\"EventTs\":\t1664209748,\n\t\t\"EventMsTs\":\t1664209748180,\n"
            + "\t\t\"UserId\":\t\"user_85034614\",\n\t\t\"Reason\":\t0\n\t}\n}";
    static final String VECTOR_SIGN = "kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=";

    @Test
    void signsTheOfficialVector() {
        assertThat(CallbackSignature.sign("123654", VECTOR_BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(VECTOR_SIGN);
    }

    @Test
    void acceptsOnlyTheSignatureOfTheExactBodyAndKey() {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(CallbackSignature.matches("123654", body, VECTOR_SIGN)).isTrue();
        assertThat(CallbackSignature.matches("123654", body, " " + VECTOR_SIGN + " ")).as("header whitespace").isTrue();
        assertThat(CallbackSignature.matches("123655", body, VECTOR_SIGN)).as("another key").isFalse();
        assertThat(CallbackSignature.matches("123654", VECTOR_BODY.replace("\t", " ").getBytes(StandardCharsets.UTF_8), VECTOR_SIGN))
                .as("the same JSON with other whitespace").isFalse();
        assertThat(CallbackSignature.matches("123654", body, null)).as("no Sign").isFalse();
        assertThat(CallbackSignature.matches("123654", body, "not base64 !")).as("garbage").isFalse();
        assertThat(CallbackSignature.matches("123654", body, VECTOR_SIGN.substring(0, 20))).as("truncated").isFalse();
    }
}
