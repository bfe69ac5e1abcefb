package com.tencentcloud.trtc.operator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloud.trtc.operator.testing.SettableClock;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An emulator on a free loopback port with one key, a frozen clock at the real time (so that a client signing
 * with the real time stays within the skew), one-minute hours, and a one-second exit drain.
 */
abstract class EmulatorFixture {

    static final Credentials KEY = new Credentials("AKIDemulatortest0000000000000000001", "emulator-test-secret-key-0000001");
    static final Duration HOUR = Duration.ofMinutes(1);
    static final Duration DRAIN = Duration.ofSeconds(1);

    protected SettableClock clock;
    protected TrtcEmulator emulator;

    @BeforeEach
    void startEmulator() {
        clock = SettableClock.atNow();
        emulator = configure(TrtcEmulator.builder().credential(KEY.secretId(), KEY.secretKey()).clock(clock)
                .hourLength(HOUR).exitDrain(DRAIN)).build().start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** Subclasses change the configuration here. */
    TrtcEmulator.Builder configure(TrtcEmulator.Builder builder) {
        return builder;
    }

    SignedCall call(String action) {
        return new SignedCall(emulator.baseUrl(), KEY, clock, action);
    }

    SignedCall.Answer create(ObjectNode body) {
        return call("CreateCloudRecording").body(body.toString()).send();
    }

    SignedCall.Answer describe(long sdkAppId, String taskId) {
        return call("DescribeCloudRecording").body(ref(sdkAppId, taskId).toString()).send();
    }

    SignedCall.Answer delete(long sdkAppId, String taskId) {
        return call("DeleteCloudRecording").body(ref(sdkAppId, taskId).toString()).send();
    }

    static ObjectNode ref(long sdkAppId, String taskId) {
        return TrtcJson.mapper().createObjectNode().put("SdkAppId", sdkAppId).put("TaskId", taskId);
    }

    /** A copy of a JSON fixture from {@code src/test/resources/emulator/}. */
    static ObjectNode fixture(String name) {
        try (InputStream in = EmulatorFixture.class.getResourceAsStream("/emulator/" + name)) {
            return (ObjectNode) TrtcJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets ({@code value} non-null, parsed as JSON) or removes the field at a slash path such as {@code /RecordParams/RecordMode}. */
    static ObjectNode edit(ObjectNode root, String path, String value) {
        String[] parts = path.substring(1).split("/");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        try {
            if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last), TrtcJson.mapper().readTree(value));
            } else if (value == null) {
                ((ObjectNode) parent).remove(last);
            } else {
                ((ObjectNode) parent).set(last, TrtcJson.mapper().readTree(value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }
}
