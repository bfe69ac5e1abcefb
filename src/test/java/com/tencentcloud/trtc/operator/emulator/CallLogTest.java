package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CallLogTest extends EmulatorFixture {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TrtcEmulator.class);

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void eachCallIsOneLineWithActionOutcomeRequestIdAndLatencyButNoSecret() {
        ObjectNode body = fixture("create-cos-single.json");
        SignedCall signed = call("CreateCloudRecording").body(body.toString());
        String signature = signed.authorization().substring(signed.authorization().indexOf("Signature=") + 10);
        SignedCall.Answer created = signed.send();
        SignedCall.Answer refused = call("CreateCloudRecording").body(body.toString()).region(null).send();

        assertThat(appender.list).hasSize(2);
        assertThat(appender.list.get(0).getFormattedMessage())
                .matches("CreateCloudRecording OK requestId=" + created.requestId() + " secretId=" + KEY.secretId() + " \\d+ms");
        assertThat(appender.list.get(1).getFormattedMessage()).startsWith("CreateCloudRecording MissingParameter requestId="
                + refused.requestId());
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).allSatisfy(line -> assertThat(line)
                .doesNotContain(signature, KEY.secretKey(), body.path("UserSig").asText(), "cos-secret-key"));
    }
}
