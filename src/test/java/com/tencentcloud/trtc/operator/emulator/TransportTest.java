package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransportTest extends EmulatorFixture {

    private static final String DESCRIBE = "{\"SdkAppId\":1400000001,\"TaskId\":\"no-such-task\"}";

    @Test
    void anAbsoluteUriRequestLineAsSentToAProxyIsServedAndTheSignedHostIsTheHostHeader() throws IOException {
        String body = fixture("create-cos-single.json").toString();
        String authorization = call("CreateCloudRecording").body(body).signedHost("trtc.tencentcloudapi.com").authorization();
        String request = "POST http://trtc.tencentcloudapi.com/ HTTP/1.1\r\n"
                + "Host: trtc.tencentcloudapi.com\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "X-TC-Action: CreateCloudRecording\r\n"
                + "X-TC-Version: 2019-07-22\r\n"
                + "X-TC-Region: ap-guangzhou\r\n"
                + "X-TC-Timestamp: " + clock.instant().getEpochSecond() + "\r\n"
                + "Authorization: " + authorization + "\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n\r\n" + body;

        String raw;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(raw).startsWith("HTTP/1.1 200");
        JsonNode response = TrtcJson.mapper().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4)).path("Response");
        assertThat(response.path("Error").isMissingNode()).isTrue();
        assertThat(emulator.task(response.path("TaskId").asText())).isPresent();
    }

    @Test
    void errorsComeBackAsHttp200EnvelopesWithARequestId() {
        SignedCall.Answer answer = call("DescribeCloudRecording").body(DESCRIBE).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().fieldNames()).toIterable().containsExactlyInAnyOrder("Error", "RequestId");
        assertThat(answer.response().path("Error").fieldNames()).toIterable().containsExactlyInAnyOrder("Code", "Message");
    }

    @Test
    void everyAnswerHasADistinctRequestId() {
        String first = call("DescribeCloudRecording").body(DESCRIBE).send().requestId();
        String second = call("DescribeCloudRecording").body(DESCRIBE).send().requestId();

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void theActionHeaderIsRequiredAndMustNameARecordingAction() {
        assertThat(call(null).body(DESCRIBE).send().code()).isEqualTo("MissingParameter");
        assertThat(call("DescribeInstances").body(DESCRIBE).send().code()).isEqualTo("InvalidAction");
    }

    @Test
    void theVersionHeaderMustBe20190722() {
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).version(null).send().code()).isEqualTo("MissingParameter");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).version("2017-03-12").send().code()).isEqualTo("NoSuchVersion");
    }

    @Test
    void theRegionHeaderIsRequiredAndMustBeOneTheActionServes() {
        SignedCall.Answer missing = call("DescribeCloudRecording").body(DESCRIBE).region(null).send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).isEqualTo("The request is missing a required parameter `Region`.");

        SignedCall.Answer garbage = call("DescribeCloudRecording").body(DESCRIBE).region("mars-1").send();
        assertThat(garbage.code()).isEqualTo("InvalidParameterValue");
        assertThat(garbage.message())
                .isEqualTo("A value specified in `X-TC-Region` is not valid, is unsupported, or cannot be used.");

        assertThat(call("DescribeCloudRecording").body(DESCRIBE).region("ap-tokyo").send().code()).isEqualTo("UnsupportedRegion");
        assertThat(call("CreateCloudRecording").body(fixture("create-cos-single.json").toString()).region("ap-mumbai").send().code())
                .isEqualTo("UnsupportedRegion");
        assertThat(call("DescribeCloudRecording").body(DESCRIBE).region("ap-mumbai").send().code()).isEqualTo("ResourceNotFound");
        assertThat(call("CreateCloudRecording").body(fixture("create-cos-single.json").toString()).region("ap-singapore").send().code())
                .isNull();
    }

    @Test
    void onlyPostIsServed() throws IOException {
        try (okhttp3.Response response = SignedCall.HTTP.newCall(new okhttp3.Request.Builder()
                .url(emulator.baseUrl() + "/").get().build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(TrtcJson.mapper().readTree(response.body().string()).at("/Response/Error/Code").asText())
                    .isEqualTo("UnsupportedProtocol");
        }
    }

    @Test
    void callsAreCountedPerActionWhateverTheirOutcome() {
        call("DescribeCloudRecording").body(DESCRIBE).send();
        call("DescribeCloudRecording").body(DESCRIBE).region(null).send();
        call("CreateCloudRecording").body(fixture("create-cos-single.json").toString()).send();

        assertThat(emulator.callCount(Action.DESCRIBE)).isEqualTo(2);
        assertThat(emulator.callCount(Action.CREATE)).isEqualTo(1);
        assertThat(emulator.callCount(Action.DELETE)).isZero();
        assertThat(emulator.calls()).extracting(CallRecord::outcome)
                .containsExactly("ResourceNotFound", "MissingParameter", "OK");
    }
}
