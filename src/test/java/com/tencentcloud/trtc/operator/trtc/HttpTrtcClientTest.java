package com.tencentcloud.trtc.operator.trtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloud.trtc.operator.trtc.model.AudioParams;
import com.tencentcloud.trtc.operator.trtc.model.CloudStorage;
import com.tencentcloud.trtc.operator.trtc.model.CloudVod;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.MixLayout;
import com.tencentcloud.trtc.operator.trtc.model.MixLayoutParams;
import com.tencentcloud.trtc.operator.trtc.model.MixTranscodeParams;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.RecordParams;
import com.tencentcloud.trtc.operator.trtc.model.StorageFile;
import com.tencentcloud.trtc.operator.trtc.model.StorageParams;
import com.tencentcloud.trtc.operator.trtc.model.SubscribeStreamUserIds;
import com.tencentcloud.trtc.operator.trtc.model.TencentVod;
import com.tencentcloud.trtc.operator.trtc.model.VideoParams;
import com.tencentcloud.trtc.operator.trtc.model.WaterMark;
import com.tencentcloud.trtc.operator.trtc.model.WaterMarkChar;
import com.tencentcloud.trtc.operator.trtc.model.WaterMarkImage;
import com.tencentcloud.trtc.operator.trtc.model.WaterMarkTimestamp;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTrtcClientTest {

    private static final long NOW = 1700000000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String SECRET_KEY = "SECRETKEY-SECRET-VALUE-0123456789";
    private static final String TOKEN = "session-token-SECRET-abcdef";
    private static final Credentials KEYS = new Credentials("AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12", SECRET_KEY);
    private static final Credentials TEMPORARY_KEYS = new Credentials("AKIDTEMPORARY", SECRET_KEY, TOKEN);
    private static final CallContext CALL = new CallContext(KEYS, "ap-guangzhou");
    private static final Pattern AUTHORIZATION = Pattern.compile("^TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})"
            + "/([^/]+)/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$");
    private static final String REQUEST_ID = "71993312-6ab8-4768-9124-118e0a20c45f";
    private static final String TASK_ID = "-gCTFWtU7t7DUlo7A8Isw***sdOEycyX4CnzhIm4RAQ..";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MockWebServer server;
    private TrtcEndpoint endpoint;
    private HttpTrtcClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        endpoint = TrtcEndpoint.parse("http://127.0.0.1:" + server.getPort());
        client = new HttpTrtcClient(endpoint, CLOCK, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Test
    void createIsSentWithEverySignedHeader() throws Exception {
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"" + TASK_ID + "\",\"RequestId\":\"" + REQUEST_ID + "\"}}"));

        CreateCloudRecordingResponse response = client.createCloudRecording(CALL, fullCreateRequest());

        assertThat(response.taskId()).isEqualTo(TASK_ID);
        assertThat(response.requestId()).isEqualTo(REQUEST_ID);
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo("/");
        assertThat(sent.getHeader("Host")).isEqualTo("127.0.0.1:" + server.getPort()).isEqualTo(endpoint.signedHost());
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(sent.getHeader("X-TC-Action")).isEqualTo("CreateCloudRecording");
        assertThat(sent.getHeader("X-TC-Version")).isEqualTo("2019-07-22");
        assertThat(sent.getHeader("X-TC-Timestamp")).isEqualTo("1700000000");
        assertThat(sent.getHeader("X-TC-Region")).isEqualTo("ap-guangzhou");
        assertThat(sent.getHeader("X-TC-RequestClient")).isEqualTo("trtc-recording-operator");
        assertThat(sent.getHeader("X-TC-Token")).isNull();
        assertThat(sent.getHeaders().names()).filteredOn(name -> name.toLowerCase().startsWith("x-tc-"))
                .containsExactlyInAnyOrder("X-TC-Action", "X-TC-Version", "X-TC-Timestamp", "X-TC-Region",
                        "X-TC-RequestClient");
        assertSignedAsReceived(sent, KEYS);
    }

    @Test
    void createBodyIsTheExactPascalCaseJsonOfEveryField() throws Exception {
        CreateCloudRecordingRequest request = fullCreateRequest();
        assertEveryFieldSet(request, "CreateCloudRecordingRequest");
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"t\",\"RequestId\":\"r\"}}"));

        client.createCloudRecording(CALL, request);

        byte[] body = server.takeRequest().getBody().clone().readByteArray();
        JsonNode sent = JSON.readTree(body);
        assertThat(sent).isEqualTo(JSON.readTree(fixture("create-cloud-recording-full.json")));
        assertPascalCaseWithoutNulls(sent, "$");
        assertThat(body).isEqualTo(TrtcJson.mapper().writeValueAsBytes(request));
    }

    @Test
    void unsetFieldsAreLeftOutOfTheBody() throws Exception {
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"t\",\"RequestId\":\"r\"}}"));

        client.createCloudRecording(CALL, vectorERequest());

        assertThat(server.takeRequest().getBody().clone().readUtf8()).doesNotContain("null")
                .doesNotContain("MixLayoutParams").doesNotContain("PrivateMapKey");
    }

    @Test
    void createOnTheWireReproducesPublishedVectorE() throws Exception {
        HttpTrtcClient viaProxy = HttpTrtcClient.withOkHttpClient(TrtcEndpoint.parse("http://trtc.tencentcloudapi.com"),
                CLOCK, new OkHttpClient.Builder()
                        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort())))
                        .build());
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"t\",\"RequestId\":\"r\"}}"));
        Credentials vectorKeys = new Credentials("AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12", "SECRETKEYEXAMPLEEXAMPLEEXAMPLE12");

        viaProxy.createCloudRecording(new CallContext(vectorKeys, "ap-guangzhou"), vectorERequest());

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeader("Host")).isEqualTo("trtc.tencentcloudapi.com");
        assertThat(sent.getBody().clone().readUtf8()).isEqualTo("{\"SdkAppId\":1400000001,\"RoomId\":\"room_1\","
                + "\"UserId\":\"recorder_room_1\",\"UserSig\":\"dummy-sig\",\"RecordParams\":{\"RecordMode\":2,"
                + "\"MaxIdleTime\":30},\"StorageParams\":{\"CloudVod\":{\"TencentVod\":{\"ExpireTime\":0}}},\"RoomIdType\":0}");
        assertThat(sent.getHeader("Authorization")).isEqualTo("TC3-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12/2023-11-14/trtc/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=6bbabb166e3a11391e6e7cea8c255bfa7c3003688c2cd9e8217f676f9d305ca2");
    }

    @Test
    void describeSendsItsActionAndParsesTheStorageFileList() throws Exception {
        server.enqueue(ok(fixture("describe-cloud-recording-response.json")));

        DescribeCloudRecordingResponse response = client.describeCloudRecording(CALL,
                new DescribeCloudRecordingRequest(1400188366L, TASK_ID, "relay-key"));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeader("X-TC-Action")).isEqualTo("DescribeCloudRecording");
        assertThat(JSON.readTree(sent.getBody().clone().readByteArray())).isEqualTo(JSON.readTree(
                "{\"SdkAppId\":1400188366,\"TaskId\":\"" + TASK_ID + "\",\"RecorderKey\":\"relay-key\"}"));
        assertSignedAsReceived(sent, KEYS);
        assertThat(response.taskId()).isEqualTo(TASK_ID);
        assertThat(response.status()).isEqualTo("InProgress");
        assertThat(response.recorderKey()).isEqualTo("relay-key");
        assertThat(response.requestId()).isEqualTo(REQUEST_ID);
        assertThat(response.storageFileList()).containsExactly(
                new StorageFile(
                        "123", "1400188366_3560__UserId_s_MTIz__UserId_e_main_audio.m3u8", "audio", 1730087526709L),
                new StorageFile("", "1400188366_3560.m3u8", "audio_video", 1730087526800L));
    }

    @Test
    void describeAcceptsANullStorageFileList() {
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"t\",\"Status\":\"Idle\",\"StorageFileList\":null,"
                + "\"RequestId\":\"r\"}}"));

        DescribeCloudRecordingResponse response = client.describeCloudRecording(CALL,
                new DescribeCloudRecordingRequest(1L, "t", null));

        assertThat(response.status()).isEqualTo("Idle");
        assertThat(response.storageFileList()).isNull();
    }

    @Test
    void modifySendsItsActionAndParsesItsResponse() throws Exception {
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"" + TASK_ID + "\",\"RequestId\":\"" + REQUEST_ID + "\"}}"));

        ModifyCloudRecordingResponse response = client.modifyCloudRecording(CALL, new ModifyCloudRecordingRequest(
                1234L, TASK_ID,
                new MixLayoutParams(
                        4L, List.of(new MixLayout(100L, 100L, 100L, 100L, "123", null, null, null, null, null)), null,
                        null, null, null, null, null, null, null, null, null, null),
                new SubscribeStreamUserIds(List.of("123", "456"), null, List.of("123", "456"), null)));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeader("X-TC-Action")).isEqualTo("ModifyCloudRecording");
        assertThat(JSON.readTree(sent.getBody().clone().readByteArray())).isEqualTo(JSON.readTree("{\"SdkAppId\":1234,"
                + "\"TaskId\":\"" + TASK_ID + "\",\"MixLayoutParams\":{\"MixLayoutMode\":4,\"MixLayoutList\":"
                + "[{\"Top\":100,\"Left\":100,\"Width\":100,\"Height\":100,\"UserId\":\"123\"}]},"
                + "\"SubscribeStreamUserIds\":{\"SubscribeAudioUserIds\":[\"123\",\"456\"],"
                + "\"SubscribeVideoUserIds\":[\"123\",\"456\"]}}"));
        assertSignedAsReceived(sent, KEYS);
        assertThat(response.taskId()).isEqualTo(TASK_ID);
        assertThat(response.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void deleteSendsItsActionAndParsesItsResponse() throws Exception {
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"" + TASK_ID + "\",\"RequestId\":\"" + REQUEST_ID + "\"}}"));

        DeleteCloudRecordingResponse response = client.deleteCloudRecording(CALL,
                new DeleteCloudRecordingRequest(1234L, TASK_ID));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeader("X-TC-Action")).isEqualTo("DeleteCloudRecording");
        assertThat(JSON.readTree(sent.getBody().clone().readByteArray()))
                .isEqualTo(JSON.readTree("{\"SdkAppId\":1234,\"TaskId\":\"" + TASK_ID + "\"}"));
        assertSignedAsReceived(sent, KEYS);
        assertThat(response.taskId()).isEqualTo(TASK_ID);
        assertThat(response.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void parameterErrorEnvelopeIsATerminalApiException() {
        server.enqueue(ok(errorEnvelope("InvalidParameter.OutOfRange", "MaxIdleTime is out of range")));

        TrtcApiException e = catchThrowableOfType(TrtcApiException.class,
                () -> client.createCloudRecording(CALL, fullCreateRequest()));

        assertThat(e.action()).isEqualTo("CreateCloudRecording");
        assertThat(e.code()).isEqualTo("InvalidParameter.OutOfRange");
        assertThat(e.tencentMessage()).isEqualTo("MaxIdleTime is out of range");
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.errorClass()).isEqualTo(TrtcErrorClass.TERMINAL);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("CreateCloudRecording", "InvalidParameter.OutOfRange", REQUEST_ID);
    }

    @Test
    void internalErrorEnvelopeIsARetryableApiException() {
        server.enqueue(ok(errorEnvelope("InternalError.CRInternalError", "internal error")));

        TrtcApiException e = catchThrowableOfType(TrtcApiException.class,
                () -> client.describeCloudRecording(CALL, new DescribeCloudRecordingRequest(1L, "t", null)));

        assertThat(e.code()).isEqualTo("InternalError.CRInternalError");
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.errorClass()).isEqualTo(TrtcErrorClass.TRANSIENT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void resourceNotFoundEnvelopeSaysTheTaskIsGone() {
        server.enqueue(ok(errorEnvelope("ResourceNotFound", "task does not exist")));

        TrtcApiException e = catchThrowableOfType(TrtcApiException.class,
                () -> client.deleteCloudRecording(CALL, new DeleteCloudRecordingRequest(1L, "t")));

        assertThat(e.action()).isEqualTo("DeleteCloudRecording");
        assertThat(e.code()).isEqualTo("ResourceNotFound");
        assertThat(e.tencentMessage()).isEqualTo("task does not exist");
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.errorClass()).isEqualTo(TrtcErrorClass.TASK_GONE);
        assertThat(e.retryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 404})
    void httpStatusOtherThan200IsATransportFailureWithUnknownOutcome(int status) {
        server.enqueue(new MockResponse().setResponseCode(status).setBody(errorEnvelope("InternalError", "x")));

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> client.createCloudRecording(CALL, fullCreateRequest()));

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.retryable()).isTrue();
        assertThat(e.action()).isEqualTo("CreateCloudRecording");
        assertThat(e.getMessage()).contains("CreateCloudRecording", "HTTP status " + status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Bad Gateway</html>", "", "{}", "[]", "{\"Response\":\"busy\"}",
            "{\"Response\":{\"Error\":{\"Message\":\"no code\"},\"RequestId\":\"r\"}}",
            "{\"Response\":{\"TaskId\":{\"not\":\"a string\"},\"RequestId\":\"r\"}}"})
    void bodyThatIsNotAnEnvelopeIsATransportFailureWithUnknownOutcome(String body) {
        server.enqueue(ok(body));

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> client.createCloudRecording(CALL, fullCreateRequest()));

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.getMessage()).contains("CreateCloudRecording").doesNotContain("busy", "no code", "Bad Gateway");
    }

    @Test
    void redirectIsNotFollowed() {
        server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "/elsewhere"));
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"second\",\"RequestId\":\"r\"}}"));

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> client.createCloudRecording(CALL, fullCreateRequest()));

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.getMessage()).contains("HTTP status 307");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readTimeoutAfterTheRequestWasSentLeavesTheOutcomeUnknown() {
        HttpTrtcClient impatient = new HttpTrtcClient(endpoint, CLOCK, Duration.ofSeconds(2), Duration.ofMillis(300));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> impatient.createCloudRecording(CALL, fullCreateRequest()));

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.getMessage()).contains("CreateCloudRecording", "may have been carried out");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusedConnectionMeansTheRequestWasCertainlyNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpTrtcClient nowhere = new HttpTrtcClient(TrtcEndpoint.parse("http://127.0.0.1:" + closedPort), CLOCK);

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> nowhere.createCloudRecording(CALL, fullCreateRequest()));

        assertThat(e.outcomeUnknown()).isFalse();
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("CreateCloudRecording", "not sent");
    }

    @Test
    void disconnectAfterTheRequestLeavesTheOutcomeUnknownAndIsNotRetried() throws Exception {
        assertCreateCutAfterSendingOnAPooledConnectionReachesTheServerOnce(client);
    }

    @Test
    void sharedOkHttpClientThatWouldRetryIsMadeNotTo() throws Exception {
        assertCreateCutAfterSendingOnAPooledConnectionReachesTheServerOnce(HttpTrtcClient.withOkHttpClient(endpoint,
                CLOCK, new OkHttpClient.Builder().retryOnConnectionFailure(true).followRedirects(true).build()));
    }

    /**
     * OkHttp silently re-sends a request when a pooled connection that served an earlier call fails, which is
     * the case that matters in production; a fresh connection is never retried, so the connection is warmed first.
     */
    private void assertCreateCutAfterSendingOnAPooledConnectionReachesTheServerOnce(HttpTrtcClient subject)
            throws InterruptedException {
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"t\",\"Status\":\"Idle\",\"RequestId\":\"r\"}}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"second-task\",\"RequestId\":\"r\"}}"));
        subject.describeCloudRecording(CALL, new DescribeCloudRecordingRequest(1L, "t", null));

        TrtcTransportException e = catchThrowableOfType(TrtcTransportException.class,
                () -> subject.createCloudRecording(CALL, fullCreateRequest()));

        assertThat(e).as("the Create call must fail, not be answered by a silent retry").isNotNull();
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getHeader("X-TC-Action")).isEqualTo("DescribeCloudRecording");
        assertThat(server.takeRequest().getHeader("X-TC-Action")).isEqualTo("CreateCloudRecording");
        assertThat(server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void tokenWithATrailingNewlineIsRefusedBeforeSendingAndNotEchoed() {
        CallContext call = new CallContext(new Credentials("AKIDTEMPORARY", SECRET_KEY, TOKEN + "\n"), "ap-guangzhou");

        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> client.createCloudRecording(call, fullCreateRequest()));

        assertThat(e.getMessage()).contains("CreateCloudRecording", "session token").doesNotContain(TOKEN);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void temporaryCredentialsSendTheirTokenUnsigned() throws Exception {
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"t\",\"RequestId\":\"r\"}}"));

        client.deleteCloudRecording(new CallContext(TEMPORARY_KEYS, "ap-singapore"),
                new DeleteCloudRecordingRequest(1L, "t"));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeader("X-TC-Token")).isEqualTo(TOKEN);
        assertThat(sent.getHeader("X-TC-Region")).isEqualTo("ap-singapore");
        assertThat(sent.getHeader("Authorization")).contains("SignedHeaders=content-type;host,");
        assertSignedAsReceived(sent, TEMPORARY_KEYS);
    }

    @Test
    void longTermCredentialsSendNoToken() throws Exception {
        server.enqueue(ok("{\"Response\":{\"TaskId\":\"t\",\"RequestId\":\"r\"}}"));

        client.deleteCloudRecording(CALL, new DeleteCloudRecordingRequest(1L, "t"));

        assertThat(server.takeRequest().getHeaders().names()).doesNotContain("X-TC-Token");
    }

    @Test
    void secretsAppearInNoExceptionMessageAndNoToString() throws Exception {
        CreateCloudRecordingRequest request = fullCreateRequest();
        CallContext call = new CallContext(TEMPORARY_KEYS, "ap-guangzhou");
        List<String> secrets = List.of(SECRET_KEY, TOKEN, request.userSig(), request.privateMapKey(),
                request.storageParams().cloudStorage().accessKey(),
                request.storageParams().cloudStorage().secretKey());
        server.enqueue(ok(errorEnvelope("InvalidParameter.UserSig", "UserSig " + request.userSig()
                + " does not match key " + SECRET_KEY + " for bucket key " + request.storageParams().cloudStorage()
                .secretKey())));
        server.enqueue(new MockResponse().setResponseCode(502).setBody(SECRET_KEY));
        server.enqueue(ok("{\"Response\":\"" + TOKEN + "\"}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        List<Throwable> failures = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            failures.add(catchThrowableOfType(TrtcException.class, () -> client.createCloudRecording(call, request)));
        }
        String authorization = server.takeRequest().getHeader("Authorization");
        String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());

        Consumer<String> secretFree = text -> assertThat(text).doesNotContain(secrets).doesNotContain(signature);
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                secretFree.accept(String.valueOf(t.getMessage()));
                secretFree.accept(t.toString());
            }
        }
        assertThat(((TrtcApiException) failures.get(0)).tencentMessage()).contains("<redacted>");
        secretFree.accept(request.toString());
        secretFree.accept(request.storageParams().toString());
        secretFree.accept(call.toString());
        secretFree.accept(TEMPORARY_KEYS.toString());
        secretFree.accept(client.toString());
    }

    private void assertSignedAsReceived(RecordedRequest sent, Credentials credentials) {
        String authorization = sent.getHeader("Authorization");
        Matcher parts = AUTHORIZATION.matcher(authorization);
        assertThat(parts.matches()).as("Authorization matches the strict TC3 pattern: %s", authorization).isTrue();
        assertThat(parts.group(1)).isEqualTo(credentials.secretId());
        assertThat(parts.group(2)).isEqualTo("2023-11-14");
        assertThat(parts.group(3)).isEqualTo("trtc");
        assertThat(parts.group(4)).isEqualTo("content-type;host");

        Tc3Signer.Signature expected = Tc3Signer.sign(credentials, Tc3Signer.Input.jsonPost(sent.getHeader("Host"),
                sent.getHeader("Content-Type"), sent.getBody().clone().readByteArray(), "trtc",
                Long.parseLong(sent.getHeader("X-TC-Timestamp"))));
        assertThat(authorization).isEqualTo(expected.authorization());
    }

    private static void assertEveryFieldSet(Object value, String path) throws IllegalAccessException {
        if (value instanceof List<?> list) {
            assertThat(list).as(path).isNotEmpty();
            for (int i = 0; i < list.size(); i++) {
                assertEveryFieldSet(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (!value.getClass().getPackageName().equals(CreateCloudRecordingRequest.class.getPackageName())) {
            return;
        }
        for (Field field : value.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object fieldValue = field.get(value);
            assertThat(fieldValue).as(path + "." + field.getName()).isNotNull();
            assertEveryFieldSet(fieldValue, path + "." + field.getName());
        }
    }

    private static void assertPascalCaseWithoutNulls(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                assertThat(field.getKey()).as(path).matches("[A-Z][A-Za-z0-9]*");
                assertThat(field.getValue().isNull()).as(path + "." + field.getKey() + " is null").isFalse();
                assertPascalCaseWithoutNulls(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertPascalCaseWithoutNulls(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String errorEnvelope(String code, String message) {
        return "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"},"
                + "\"RequestId\":\"" + REQUEST_ID + "\"}}";
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = HttpTrtcClientTest.class.getResourceAsStream("/trtc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CreateCloudRecordingRequest vectorERequest() {
        return new CreateCloudRecordingRequest(
                1400000001L, "room_1", "recorder_room_1", "dummy-sig",
                new RecordParams(2L, 30L, null, null, null, null, null, null, null, null),
                new StorageParams(
                        null, new CloudVod(new TencentVod(null, 0L, null, null, null, null, null, null, null))),
                0L, null, null, null, null);
    }

    private static CreateCloudRecordingRequest fullCreateRequest() {
        return new CreateCloudRecordingRequest(
                1400188366L, "3560", "recorder_3560", "eJw1jcEKgkAURX9FZlvYc3SaC-USERSIG-SECRET_",
                new RecordParams(
                        2L, 60L, 0L,
                        new SubscribeStreamUserIds(
                                List.of("123", "456"), List.of("789"), List.of("1.*$"), List.of("999")),
                        1L, 1L, 120L, 1L, 1L, 1L),
                new StorageParams(
                        new CloudStorage(
                                1L, "us-east-1", "recordings-1250000000", "AKIA-STORAGE-ACCESS-SECRET",
                                "storage-secret-key-SECRET", List.of("prefix1", "prefix2"),
                                "account_id.r2.cloudflarestorage.com"),
                        new CloudVod(
                                new TencentVod(
                                        "LongVideoPreset", 86400L, "ap-shanghai", 7L, 1500000001L, "session-ctx",
                                        "source-ctx", 3L, "meeting_42"))),
                1L,
                new MixTranscodeParams(
                        new VideoParams(1280L, 720L, 15L, 1500000L, 10L), new AudioParams(1L, 2L, 64000L)),
                new MixLayoutParams(
                        4L,
                        List.of(new MixLayout(
                                100L, 200L, 320L, 180L, "123", 10L, 2L, 1L, 3L, "https://img.example.com/sub.png")),
                        "#FFA500", "123", 0L, "https://img.example.com/bg.jpg?token=abc", 1L, 3L,
                        "https://img.example.com/default.jpeg",
                        List.of(new WaterMark(
                                0L, new WaterMarkImage("https://img.example.com/logo.png", 10L, 20L, 64L, 32L),
                                new WaterMarkChar(
                                        30L, 40L, 200L, 24L, "会议 recording", 14L, "0xFFFFFF", "0xbbccbb",
                                        "SourceHanSans"),
                                new WaterMarkTimestamp(6L, 8L, "Tencent"))),
                        1L, 1L, true),
                24L, "eJyrVgrxCdYrSy1S-PRIVATEMAPKEY-SECRET_");
    }
}
