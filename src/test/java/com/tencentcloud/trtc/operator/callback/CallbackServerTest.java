package com.tencentcloud.trtc.operator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.trtc.CallbackSignature;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver's answers to good and bad callbacks, with a fake reconciler side. */
class CallbackServerTest {

    static final String KEY = "callbackKey0123456789abcdefABCDE";
    static final long APP = 1400188366L;
    static final String TASK = "task-known";

    private final Map<String, CallbackTarget> targets = Map.of(
            TASK, new CallbackTarget("media", "weekly-allhands", APP, KEY),
            "task-keyless", new CallbackTarget("media", "keyless", APP, null));
    private final List<RecordingCallback> offered = new CopyOnWriteArrayList<>();
    private final List<String> counted = new CopyOnWriteArrayList<>();
    private final AtomicReference<CallbackTarget.Offer> answer = new AtomicReference<>(CallbackTarget.Offer.ACCEPTED);
    private final java.util.concurrent.atomic.AtomicBoolean complete = new java.util.concurrent.atomic.AtomicBoolean(true);
    private CallbackServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new CallbackReceiver() {
            @Override
            public Optional<CallbackTarget> target(String taskId) {
                return Optional.ofNullable(targets.get(taskId));
            }

            @Override
            public boolean knowsEveryTask() {
                return complete.get();
            }

            @Override
            public CallbackTarget.Offer offer(CallbackTarget target, RecordingCallback event) {
                offered.add(event);
                return answer.get();
            }
        }, (event, result) -> counted.add(event + " " + result), Duration.ofMillis(700));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static String vod(String task) {
        return SignedCallbacks.body(311, task, 1_700_000_000_123L, "{\"Status\":0,\"TencentVod\":{\"UserId\":\"\",\"TrackType\":\"audio_video\","
                + "\"MediaId\":\"mix\",\"FileId\":\"387702299774253219\",\"VideoUrl\":\"https://vod.example/a.mp4\","
                + "\"CacheFile\":\"a.mp4\",\"StartTimeStamp\":1700000000000,\"EndTimeStamp\":1700000600000}}");
    }

    @Test
    void aSignedCallbackForAKnownTaskIsHandedOverAndAnswered200() throws Exception {
        HttpResponse<String> r = SignedCallbacks.post(server.port(), KEY, APP, vod(TASK));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"code\":0}");
        assertThat(offered).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo(311);
            assertThat(e.taskId()).isEqualTo(TASK);
            assertThat(e.eventMsTs()).isEqualTo(1_700_000_000_123L);
            assertThat(e.files()).singleElement().satisfies(f -> {
                assertThat(f.getFileId()).isEqualTo("387702299774253219");
                assertThat(f.getVideoUrl()).isEqualTo("https://vod.example/a.mp4");
                assertThat(f.getMediaId()).isEqualTo("mix");
                assertThat(f.getBeginTimeStamp()).isEqualTo(1700000000000L);
                assertThat(f.getEndTimeStamp()).isEqualTo(1700000600000L);
            });
        });
        assertThat(counted).containsExactly("311 accepted");
    }

    @Test
    void everyBadInputGetsItsStatusAndNothingIsHandedOver() throws Exception {
        String good = vod(TASK);
        assertThat(SignedCallbacks.post(server.port(), null, APP, good).statusCode()).as("no Sign").isEqualTo(401);
        assertThat(SignedCallbacks.post(server.port(), "another-key", APP, good).statusCode()).as("Sign of another key").isEqualTo(401);
        assertThat(post(good, Map.of("Sign", CallbackSignature.sign(KEY, vod("task-other").getBytes(StandardCharsets.UTF_8)),
                "SdkAppId", String.valueOf(APP))).statusCode()).as("Sign of another body").isEqualTo(401);
        assertThat(SignedCallbacks.post(server.port(), KEY, APP + 1, good).statusCode()).as("wrong SdkAppId").isEqualTo(401);
        assertThat(post(good, Map.of("Sign", sign(good))).statusCode()).as("no SdkAppId header").isEqualTo(401);
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, vod("task-keyless")).statusCode()).as("no key configured").isEqualTo(401);
        assertThat(signedPost("{\"EventType\":311,").statusCode()).as("malformed JSON").isEqualTo(400);
        assertThat(signedPost("[1,2,3]").statusCode()).as("not an object").isEqualTo(400);
        assertThat(signedPost(good.replace("\"EventType\":311", "\"EventType\":\"311\"")).statusCode()).as("EventType a string").isEqualTo(400);
        assertThat(signedPost(good.replace("\"StartTimeStamp\":1700000000000", "\"StartTimeStamp\":\"soon\"")).statusCode())
                .as("a file time that is not a number").isEqualTo(400);
        String tooLarge = good.substring(0, good.length() - 1) + " ".repeat(CallbackServer.MAX_BODY - good.length() + 1) + "}";
        assertThat(tooLarge.length()).isEqualTo(CallbackServer.MAX_BODY + 1);
        assertThat(signedPost(tooLarge).statusCode()).as("64 KiB + 1 byte").isEqualTo(413);
        assertThat(chunked(tooLarge).statusCode()).as("64 KiB + 1 byte, chunked without Content-Length").isEqualTo(413);
        assertThat(offered).as("nothing reached the reconciler side").isEmpty();
        assertThat(counted).containsExactly("311 unauthorized", "311 unauthorized", "311 unauthorized",
                "311 unauthorized", "311 unauthorized", "311 unauthorized", "unknown malformed", "unknown malformed",
                "unknown malformed", "311 malformed", "unknown too_large", "unknown too_large");
    }

    @Test
    void aBodyOfExactly64KiBIsAccepted() throws Exception {
        String good = vod(TASK);
        String padded = good.substring(0, good.length() - 1) + " ".repeat(CallbackServer.MAX_BODY - good.length()) + "}";
        assertThat(padded.length()).isEqualTo(CallbackServer.MAX_BODY);
        assertThat(signedPost(padded).statusCode()).isEqualTo(200);
        assertThat(offered).hasSize(1);
    }

    @Test
    void unknownTasksAndOtherEventsAreAnswered200AndCounted() throws Exception {
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, vod("task-nobody-has")).statusCode()).isEqualTo(200);
        String roomEvent = "{\"EventGroupId\":1,\"EventType\":103,\"CallbackTs\":1,\"EventInfo\":{\"RoomId\":1,\"UserId\":\"u\"}}";
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, roomEvent).statusCode()).isEqualTo(200);
        assertThat(offered).isEmpty();
        assertThat(counted).containsExactly("311 unknown_task", "unknown ignored");
    }

    @Test
    void anUnknownTaskWhileTheOperatorDoesNotYetKnowEveryTaskIsAnswered503NotLost() throws Exception {
        complete.set(false);

        HttpResponse<String> r = SignedCallbacks.post(server.port(), KEY, APP, vod("task-archived-elsewhere"));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(counted).containsExactly("311 refused");
        assertThat(offered).isEmpty();
        complete.set(true);
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, vod("task-archived-elsewhere")).statusCode()).isEqualTo(200);
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, vod(TASK)).statusCode()).isEqualTo(200);
    }

    @Test
    void aCallbackTheReconcilerSideCannotTakeIsAnswered503SoThatTrtcRetries() throws Exception {
        answer.set(CallbackTarget.Offer.REFUSED);
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, vod(TASK)).statusCode()).isEqualTo(503);
        answer.set(CallbackTarget.Offer.DUPLICATE);
        HttpResponse<String> again = SignedCallbacks.post(server.port(), KEY, APP, vod(TASK));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"code\":0}");
        assertThat(counted).containsExactly("311 refused", "311 duplicate");
    }

    @Test
    void aBodyThatNeverCompletesIsCutOffAtTheReadTimeout() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /trtc/callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"EventType\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("the server closes the connection without an answer").isEqualTo(-1);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).as("cut off after the 0.7 s read timeout, well within TRTC's 5 s").isBetween(0.5, 4.0);
        assertThat(offered).isEmpty();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> counted.contains("unknown timeout"));
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, vod(TASK)).statusCode()).as("the server still serves").isEqualTo(200);
    }

    @Test
    void headersOverTheLimitAreAnswered400AndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /trtc/callback HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(CallbackServer.MAX_HEADERS)
                    + "\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("malformed HTTP request");
        }
        assertThat(offered).isEmpty();
        assertThat(counted).containsExactly("unknown malformed");
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, vod(TASK)).statusCode()).as("the server still serves").isEqualTo(200);
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + CallbackServer.PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(offered).isEmpty();
    }

    private static String sign(String body) {
        return CallbackSignature.sign(KEY, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> signedPost(String body) throws Exception {
        return post(body, Map.of("Sign", sign(body), "SdkAppId", String.valueOf(APP)));
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + CallbackServer.PATH))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + CallbackServer.PATH))
                .timeout(Duration.ofSeconds(10)).header("Sign", sign(body)).header("SdkAppId", String.valueOf(APP))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
