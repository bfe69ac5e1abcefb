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

    record Received(int type, String taskId, JsonNode payload, boolean signed, String sdkAppId, String contentType, JsonNode root) {
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
                    exchange.getRequestHeaders().getFirst("SdkAppId"), exchange.getRequestHeaders().getFirst("Content-Type"), root));
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

    @Test
    void aTaskEndedWithLeaveCode100Sends302WithItThenItsUploadCallbacksFieldByField() {
        String taskId = createTask("create-cos-single.json");
        emulator.anchorJoins(1400000001L, "1234", 1, "alice");
        long before = clock.millis();
        emulator.endTask(taskId, 100);
        await().atMost(Duration.ofSeconds(5)).until(() -> types(taskId).contains(305));
        assertThat(types(taskId)).containsExactly(301, 303, 304, 302, 305);
        assertThat(emulator.task(taskId).orElseThrow().exitReason()).isEqualTo(ExitReason.ROOM_TIMEOUT);
        assertThat(emulator.task(taskId).orElseThrow().state()).isEqualTo(TaskState.EXITED);

        Received stopped = received.stream().filter(r -> r.type() == 302).findFirst().orElseThrow();
        assertThat(stopped.signed()).as("Sign = Base64(HMAC-SHA256(callback key, raw body))").isTrue();
        assertThat(stopped.sdkAppId()).isEqualTo("1400000001");
        assertThat(stopped.contentType()).isEqualTo("application/json");
        JsonNode root = stopped.root();
        assertThat(root.fieldNames()).toIterable().containsExactlyInAnyOrder("EventGroupId", "EventType", "CallbackTs", "EventInfo");
        assertThat(root.path("EventGroupId").asInt()).isEqualTo(3);
        assertThat(root.path("EventType").asInt()).isEqualTo(302);
        assertThat(root.path("CallbackTs").asLong()).as("milliseconds").isGreaterThanOrEqualTo(before);
        JsonNode info = root.path("EventInfo");
        assertThat(info.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("RoomId", "EventTs", "EventMsTs", "UserId", "TaskId", "Payload");
        assertThat(info.path("RoomId").isNumber()).as("an integer room (RoomIdType 1) is a number").isTrue();
        assertThat(info.path("RoomId").asLong()).isEqualTo(1234);
        assertThat(info.path("EventMsTs").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(info.path("EventTs").asLong()).as("seconds").isEqualTo(info.path("EventMsTs").asLong() / 1000);
        assertThat(info.path("UserId").asText()).as("the robot").isEqualTo("recorder_1234");
        assertThat(info.path("TaskId").asText()).isEqualTo(taskId);
        assertThat(info.path("Payload").fieldNames()).toIterable().containsExactly("LeaveCode");
        assertThat(info.path("Payload").path("LeaveCode").asInt()).isEqualTo(100);
    }

    @Test
    void everyDocumentedLeaveCodeCanEndATaskAndOthersAreRefused() {
        for (int code : new int[] {0, 1, 2, 3, 4, 99, 100, 101}) {
            String taskId = createTask("create-cos-single.json");
            emulator.endTask(taskId, code);
            assertThat(emulator.task(taskId).orElseThrow().exitReason().leaveCode()).hasValue(code);
            await().atMost(Duration.ofSeconds(5)).until(() -> types(taskId).contains(302));
            assertThat(received.stream().filter(r -> r.taskId().equals(taskId) && r.type() == 302).findFirst().orElseThrow()
                    .payload().path("LeaveCode").asInt()).isEqualTo(code);
        }
        String live = createTask("create-cos-single.json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.endTask(live, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0, 1, 2, 3, 4, 99, 100, 101");
        emulator.endTask(live, 100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.endTask(live, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exited");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.endTask("no-such-task", 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no task");
    }

    @Test
    void aStartThatFailsSends301WithStatus1AndNothingMoreAndTheTaskIsGoneAfterTheDrain() throws InterruptedException {
        emulator.faults().inject(Action.CREATE, Fault.startFailure().times(1));
        String failed = createTask("create-cos-single.json");
        emulator.anchorJoins(1400000001L, "1234", 1, "alice");
        await().atMost(Duration.ofSeconds(5)).until(() -> types(failed).contains(301));
        assertThat(received.stream().filter(r -> r.taskId().equals(failed)).findFirst().orElseThrow().payload().path("Status").asInt())
                .isEqualTo(1);
        assertThat(emulator.task(failed).orElseThrow().exitReason()).isEqualTo(ExitReason.START_FAILED);
        assertThat(describe(1400000001L, failed).response().path("Status").asText()).isEqualTo("Exited");

        String next = createTask("create-cos-single.json");
        await().atMost(Duration.ofSeconds(5)).until(() -> types(next).contains(304));
        assertThat(received.stream().filter(r -> r.taskId().equals(next) && r.type() == 301).findFirst().orElseThrow()
                .payload().path("Status").asInt()).as("the fault fired once").isZero();
        clock.advance(DRAIN);
        assertThat(describe(1400000001L, failed).code()).isEqualTo("ResourceNotFound");
        Thread.sleep(300);
        assertThat(types(failed)).as("no 302 and no files: its robot never entered").containsExactly(301);
    }
}
