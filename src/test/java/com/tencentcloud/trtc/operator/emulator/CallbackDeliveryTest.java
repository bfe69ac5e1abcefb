package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.tencentcloud.trtc.operator.trtc.CallbackSignature;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's recording callbacks: TRTC's events in TRTC's order, signed, retried, and faults on demand. */
class CallbackDeliveryTest extends EmulatorFixture {

    static final String CALLBACK_KEY = "emulatorCallbackKey42";

    record Received(int type, String taskId, JsonNode payload, boolean signed, String sdkAppId) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/trtc/callback", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode root = TrtcJson.mapper().readTree(body);
            received.add(new Received(root.path("EventType").asInt(), root.path("EventInfo").path("TaskId").asText(),
                    root.path("EventInfo").path("Payload"),
                    CallbackSignature.matches(CALLBACK_KEY, body, exchange.getRequestHeaders().getFirst("Sign")),
                    exchange.getRequestHeaders().getFirst("SdkAppId")));
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            byte[] answer = "{\"code\":0}".getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        emulator.callbacks().target(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/trtc/callback"), CALLBACK_KEY);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String createTask(String fixture) {
        SignedCall.Answer answer = create(fixture(fixture));
        assertThat(answer.code()).as(answer.message()).isNull();
        return answer.response().path("TaskId").asText();
    }

    private List<Integer> types(String taskId) {
        return received.stream().filter(r -> r.taskId().equals(taskId)).map(Received::type).toList();
    }

    @Test
    void aCosTaskSendsStartFilesStopAndUploadInOrderSignedWithItsApp() {
        String taskId = createTask("create-cos-single.json");
        emulator.anchorJoins(1400000001L, "1234", 1, "alice");
        emulator.anchorJoins(1400000001L, "1234", 1, "bob");
        assertThat(delete(1400000001L, taskId).code()).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> types(taskId).contains(305));
        assertThat(types(taskId)).containsExactly(301, 303, 304, 307, 307, 302, 305);
        assertThat(received).allSatisfy(r -> {
            assertThat(r.signed()).as("Sign is Base64(HMAC-SHA256(key, body))").isTrue();
            assertThat(r.sdkAppId()).isEqualTo("1400000001");
        });
        assertThat(received.stream().filter(r -> r.type() == 302).findFirst().orElseThrow().payload().path("LeaveCode").asInt())
                .as("stopped by the API").isZero();
        assertThat(received.stream().filter(r -> r.type() == 307).map(r -> r.payload().path("UserId").asText()))
                .containsExactly("bob", "bob");
    }

    @Test
    void aVodTaskEndedByMaxIdleTimeSendsItsFilesAfter302() {
        String taskId = createTask("create-vod-mixed.json");
        JsonNode request = fixture("create-vod-mixed.json");
        long app = request.path("SdkAppId").asLong();
        String room = request.path("RoomId").asText();
        int roomType = request.path("RoomIdType").asInt(1);
        emulator.anchorJoins(app, room, roomType, "alice");
        emulator.anchorLeaves(app, room, roomType, "alice");
        clock.advance(Duration.ofSeconds(request.path("RecordParams").path("MaxIdleTime").asLong(30)));
        await().alias("the ticker settles the idle timeout without any call").atMost(Duration.ofSeconds(5))
                .until(() -> types(taskId).contains(312));
        assertThat(types(taskId)).containsExactly(301, 302, 311, 312);
        Received ended = received.stream().filter(r -> r.type() == 302).findFirst().orElseThrow();
        assertThat(ended.payload().path("LeaveCode").asInt()).isEqualTo(99);
        JsonNode vod = received.stream().filter(r -> r.type() == 311).findFirst().orElseThrow().payload().path("TencentVod");
        assertThat(vod.path("FileId").asText()).matches("\\d{18}");
        assertThat(vod.path("VideoUrl").asText()).startsWith("https://").endsWith("/f0.mp4");
        assertThat(vod.path("MediaId").asText()).isEqualTo("mix");
        assertThat(vod.path("EndTimeStamp").asLong()).isGreaterThan(vod.path("StartTimeStamp").asLong());
    }

    @Test
    void theSameRobotEnteringAgainEndsTheOldTaskWith101() {
        String first = createTask("create-cos-single.json");
        String second = createTask("create-cos-single.json");
        await().atMost(Duration.ofSeconds(5)).until(() -> types(first).contains(305) && types(second).contains(301));
        assertThat(received.stream().filter(r -> r.taskId().equals(first) && r.type() == 302).findFirst().orElseThrow()
                .payload().path("LeaveCode").asInt()).isEqualTo(101);
    }

    @Test
    void aCallbackNotAnswered200IsRetriedAtOnce() {
        failNext.set(1);
        String taskId = createTask("create-cos-single.json");
        await().atMost(Duration.ofSeconds(5)).until(() -> types(taskId).size() >= 2);
        assertThat(types(taskId)).containsExactly(301, 301);
        assertThat(emulator.callbacks().deliveries()).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.delivered()).isTrue();
        });
    }

    @Test
    void faultsDropRepeatDelayAndReorder() throws InterruptedException {
        emulator.callbacks().inject(CallbackFault.of(CallbackFault.Kind.DROP, 303));
        emulator.callbacks().inject(CallbackFault.of(CallbackFault.Kind.REPEAT, 304));
        emulator.callbacks().inject(CallbackFault.of(CallbackFault.Kind.REORDER, 302));
        String taskId = createTask("create-cos-single.json");
        emulator.anchorJoins(1400000001L, "1234", 1, "alice");
        assertThat(delete(1400000001L, taskId).code()).isNull();
        await().atMost(Duration.ofSeconds(8)).until(() -> types(taskId).contains(302));
        assertThat(types(taskId)).containsExactly(301, 304, 304, 305, 302);

        emulator.callbacks().inject(CallbackFault.delay(301, Duration.ofMillis(1500)));
        String later = createTask("create-cos-single.json");
        Thread.sleep(800);
        assertThat(types(later)).as("alice is still in the room; only 301 is held back").containsExactly(303, 304);
        await().atMost(Duration.ofSeconds(5)).until(() -> types(later).contains(301));
        assertThat(types(later)).containsExactly(303, 304, 301);
    }
}
