package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ControlSurfaceTest extends EmulatorFixture {

    private record Reply(int status, JsonNode json) {
    }

    private Reply control(String method, String path, String body) throws IOException {
        RequestBody requestBody = body == null ? null : RequestBody.create(body, MediaType.get("application/json"));
        Request request = new Request.Builder().url(emulator.baseUrl() + "/_emulator/" + path).method(method, requestBody).build();
        try (Response response = SignedCall.HTTP.newCall(request).execute()) {
            return new Reply(response.code(), TrtcJson.mapper().readTree(response.body().string()));
        }
    }

    @Test
    void tasksAndCallCountsAreListed() throws IOException {
        String taskId = create(fixture("create-cos-single.json")).response().path("TaskId").asText();

        Reply tasks = control("GET", "tasks", null);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).singleElement().satisfies(t -> {
            assertThat(t.path("taskId").asText()).isEqualTo(taskId);
            assertThat(t.path("state").asText()).isEqualTo("IDLE");
            assertThat(t.path("request").path("RoomId").asText()).isEqualTo("1234");
            assertThat(t.path("request").path("UserSig").asText()).isEqualTo("<redacted>");
            assertThat(t.path("request").at("/StorageParams/CloudStorage/SecretKey").asText()).isEqualTo("<redacted>");
        });

        assertThat(emulator.task(taskId).orElseThrow().request().storageParams().cloudStorage().secretKey())
                .isEqualTo("cos-secret-key");
        Reply calls = control("GET", "calls", null);
        assertThat(calls.json().path("counts").path("CreateCloudRecording").asLong()).isEqualTo(1);
        assertThat(calls.json().path("counts").path("DescribeCloudRecording").asLong()).isZero();
        assertThat(calls.json().path("calls").get(0).path("outcome").asText()).isEqualTo("OK");
    }

    @Test
    void anchorsJoinAndLeaveOverHttp() throws IOException {
        String taskId = create(fixture("create-cos-single.json")).response().path("TaskId").asText();
        String alice = "{\"sdkAppId\":1400000001,\"roomId\":\"1234\",\"userId\":\"alice\"}";

        assertThat(control("POST", "anchors/join", alice).status()).isEqualTo(200);
        assertThat(emulator.task(taskId).orElseThrow().state()).isEqualTo(TaskState.IN_PROGRESS);
        assertThat(control("POST", "anchors/leave", alice).status()).isEqualTo(200);
        assertThat(emulator.task(taskId).orElseThrow().state()).isEqualTo(TaskState.IDLE);
    }

    @Test
    void faultsAreInjectedListedAndClearedOverHttp() throws IOException {
        Reply injected = control("POST", "faults", "{\"action\":\"CreateCloudRecording\",\"faults\":["
                + "{\"kind\":\"error\",\"code\":\"InternalError\",\"times\":1},"
                + "{\"kind\":\"LATENCY\",\"millis\":10},{\"kind\":\"HTTP_STATUS\",\"status\":503,\"rate\":0},"
                + "{\"kind\":\"COMMIT_THEN_DROP\",\"rate\":0}]}");

        assertThat(injected.status()).isEqualTo(200);
        assertThat(injected.json().path("CreateCloudRecording")).hasSize(4);
        assertThat(create(fixture("create-cos-single.json")).code()).isEqualTo("InternalError");
        assertThat(create(fixture("create-cos-single.json")).code()).isNull();

        assertThat(control("DELETE", "faults", null).json().path("CreateCloudRecording")).isEmpty();
        assertThat(emulator.faults().of(Action.CREATE)).isEmpty();
    }

    @Test
    void aTaskIsEndedWithALeaveCodeOverHttp() throws IOException {
        String taskId = create(fixture("create-cos-single.json")).response().path("TaskId").asText();

        Reply ended = control("POST", "tasks/end", "{\"taskId\":\"" + taskId + "\",\"leaveCode\":100}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("taskId").asText()).isEqualTo(taskId);
        assertThat(ended.json().path("state").asText()).isEqualTo("EXITED");
        assertThat(ended.json().path("exitReason").asText()).isEqualTo("ROOM_TIMEOUT");
        assertThat(ended.json().path("request").path("UserSig").asText()).isEqualTo("<redacted>");
        assertThat(emulator.task(taskId).orElseThrow().exitReason()).isEqualTo(ExitReason.ROOM_TIMEOUT);

        assertThat(control("POST", "tasks/end", "{\"taskId\":\"" + taskId + "\",\"leaveCode\":100}").json().path("error").asText())
                .contains("already exited");
        String other = create(fixture("create-cos-single.json")).response().path("TaskId").asText();
        assertThat(control("POST", "tasks/end", "{\"taskId\":\"" + other + "\",\"leaveCode\":7}").status()).isEqualTo(400);
        assertThat(control("POST", "tasks/end", "{\"taskId\":\"" + other + "\",\"leaveCode\":\"100\"}").status()).isEqualTo(400);
        assertThat(control("POST", "tasks/end", "{\"taskId\":\"" + other + "\"}").status()).isEqualTo(400);
        assertThat(control("POST", "tasks/end", "{\"taskId\":\"nope\",\"leaveCode\":100}").status()).isEqualTo(400);
        assertThat(control("GET", "tasks/end", null).status()).isEqualTo(405);
        assertThat(emulator.task(other).orElseThrow().state()).as("refused requests change nothing").isEqualTo(TaskState.IDLE);
    }

    @Test
    void aStartFailureIsInjectedOverHttpForCreateOnly() throws IOException {
        assertThat(control("POST", "faults", "{\"action\":\"DescribeCloudRecording\",\"faults\":[{\"kind\":\"START_FAILURE\"}]}")
                .status()).isEqualTo(400);
        Reply injected = control("POST", "faults", "{\"action\":\"CreateCloudRecording\",\"faults\":[{\"kind\":\"START_FAILURE\",\"times\":1}]}");
        assertThat(injected.status()).isEqualTo(200);
        assertThat(injected.json().path("CreateCloudRecording")).singleElement()
                .satisfies(f -> assertThat(f.path("kind").asText()).isEqualTo("START_FAILURE"));

        SignedCall.Answer answer = create(fixture("create-cos-single.json"));
        assertThat(answer.code()).as("the Create itself succeeds").isNull();
        assertThat(emulator.task(answer.response().path("TaskId").asText()).orElseThrow().exitReason()).isEqualTo(ExitReason.START_FAILED);
        assertThat(control("GET", "faults", null).json().path("CreateCloudRecording")).as("used up").isEmpty();
    }

    @Test
    void badControlRequestsAreRefusedPlainly() throws IOException {
        assertThat(control("POST", "faults", "{\"action\":\"Nope\",\"faults\":[]}").status()).isEqualTo(400);
        assertThat(control("POST", "faults", "{\"action\":\"CreateCloudRecording\",\"faults\":[{\"kind\":\"ERROR\"}]}").status())
                .isEqualTo(400);
        assertThat(control("POST", "anchors/join", "{\"roomId\":\"1\"}").status()).isEqualTo(400);
        assertThat(control("GET", "nothing", null).status()).isEqualTo(404);
        assertThat(control("PUT", "tasks", "{}").status()).isEqualTo(405);
    }
}
