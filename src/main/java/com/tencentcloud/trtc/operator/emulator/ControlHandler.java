package com.tencentcloud.trtc.operator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP control surface under {@value #PREFIX} (loopback only, no authentication; camelCase JSON, ours, not
 * Tencent's). Mirrors the Java API of {@link TrtcEmulator}:
 * <ul>
 *   <li>{@code GET /_emulator/tasks}: every task with its state, times, exit reason and storage files, and the
 *       Create body with UserSig, PrivateMapKey and the storage keys shown as {@code <redacted>} (the Java API
 *       {@link TrtcEmulator#tasks()} keeps them, for assertions);</li>
 *   <li>{@code GET /_emulator/calls}: {@code {"counts":{"<Action>":n},"calls":[...]}};</li>
 *   <li>{@code POST /_emulator/anchors/join} and {@code /leave} with
 *       {@code {"sdkAppId":1400000001,"roomId":"1234","roomIdType":1,"userId":"alice"}} ({@code roomIdType} defaults to 1);</li>
 *   <li>{@code POST /_emulator/tasks/end} with {@code {"taskId":"…"}}: ends a live task as if its room were dismissed
 *       (302 with LeaveCode 2), freeing its place under {@code --max-live-tasks}; {@code {"ended":false}} when no such
 *       task is live;</li>
 *   <li>{@code GET /_emulator/faults}; {@code POST /_emulator/faults} with {@code {"action":"CreateCloudRecording",
 *       "faults":[{"kind":"ERROR","code":"InternalError","message":"…","rate":0.5,"times":2},
 *       {"kind":"LATENCY","millis":3000},{"kind":"HTTP_STATUS","status":503},{"kind":"COMMIT_THEN_DROP"}]}};
 *       {@code DELETE /_emulator/faults} clears them all.</li>
 *   <li>{@code GET /_emulator/callbacks}: {@code {"enabled":true,"faults":[...],"deliveries":[{"eventType":302,
 *       "taskId":"…","attempts":1,"lastStatus":200,"delivered":true,"dropped":false,"body":"…"}]}};
 *       {@code POST /_emulator/callbacks/faults} with {@code {"kind":"DROP|REPEAT|DELAY|REORDER","eventType":302,
 *       "millis":3000,"times":1}} ({@code eventType} 0 or absent = any, {@code times} default 1, -1 = always);
 *       {@code DELETE /_emulator/callbacks/faults} clears them.</li>
 * </ul>
 * Answers 200 with JSON, 400 for a bad body, 404 for an unknown path, 405 for a wrong method.
 */
final class ControlHandler implements HttpHandler {

    static final String PREFIX = "/_emulator/";

    private static final ObjectMapper JSON = TrtcJson.mapper();
    private static final String REDACTED = "<redacted>";

    private final TrtcEmulator emulator;

    ControlHandler(TrtcEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            try {
                JsonNode answer = switch (method + " " + path) {
                    case "GET tasks" -> tasks();
                    case "GET calls" -> calls();
                    case "POST anchors/join", "POST anchors/leave" -> anchor(path.endsWith("join"), body(exchange));
                    case "POST tasks/end" -> JSON.createObjectNode()
                            .put("ended", emulator.endTask(body(exchange).required("taskId").asText()));
                    case "GET faults" -> faults();
                    case "POST faults" -> inject(body(exchange));
                    case "DELETE faults" -> {
                        emulator.faults().clear();
                        yield faults();
                    }
                    case "GET callbacks" -> callbacks();
                    case "POST callbacks/faults" -> {
                        JsonNode f = body(exchange);
                        emulator.callbacks().inject(new CallbackFault(
                                CallbackFault.Kind.valueOf(f.required("kind").asText().toUpperCase(Locale.ROOT)),
                                f.path("eventType").asInt(0), Duration.ofMillis(f.path("millis").asLong(0)), f.path("times").asInt(1)));
                        yield callbacks();
                    }
                    case "DELETE callbacks/faults" -> {
                        emulator.callbacks().clearFaults();
                        yield callbacks();
                    }
                    default -> null;
                };
                if (answer == null) {
                    boolean known = path.equals("tasks") || path.equals("calls") || path.equals("faults") || path.startsWith("anchors/")
                            || path.startsWith("callbacks");
                    send(exchange, known ? 405 : 404, JSON.createObjectNode().put("error", method + " " + exchange.getRequestURI().getPath()));
                } else {
                    send(exchange, 200, answer);
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                send(exchange, 400, JSON.createObjectNode().put("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private JsonNode tasks() {
        ArrayNode list = JSON.createArrayNode();
        for (TaskSnapshot t : emulator.tasks()) {
            ObjectNode n = list.addObject().put("taskId", t.taskId()).put("secretId", t.secretId())
                    .put("sdkAppId", t.sdkAppId()).put("roomId", t.roomId()).put("roomIdType", t.roomIdType())
                    .put("userId", t.userId()).put("state", t.state().name()).put("createdAt", t.createdAt().toString())
                    .put("managementWindowEnd", t.managementWindowEnd().toString()).put("modifyCount", t.modifyCount());
            n.put("exitedAt", t.exitedAt() == null ? null : t.exitedAt().toString());
            n.put("exitReason", t.exitReason() == null ? null : t.exitReason().name());
            n.set("request", redacted(JSON.valueToTree(t.request())));
            n.set("mixLayoutParams", JSON.valueToTree(t.mixLayoutParams()));
            n.set("subscribeStreamUserIds", JSON.valueToTree(t.subscribeStreamUserIds()));
            n.set("storageFiles", JSON.valueToTree(t.storageFiles()));
        }
        return list;
    }

    private static JsonNode redacted(ObjectNode request) {
        for (String field : List.of("UserSig", "PrivateMapKey")) {
            if (request.hasNonNull(field)) {
                request.put(field, REDACTED);
            }
        }
        JsonNode storage = request.path("StorageParams").path("CloudStorage");
        if (storage instanceof ObjectNode cloudStorage) {
            for (String field : List.of("AccessKey", "SecretKey")) {
                if (cloudStorage.hasNonNull(field)) {
                    cloudStorage.put(field, REDACTED);
                }
            }
        }
        return request;
    }

    private JsonNode calls() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode counts = root.putObject("counts");
        for (Action a : Action.values()) {
            counts.put(a.wireName(), emulator.callCount(a));
        }
        ArrayNode calls = root.putArray("calls");
        for (CallRecord c : emulator.calls()) {
            calls.addObject().put("at", c.at().toString()).put("action", c.action()).put("outcome", c.outcome())
                    .put("requestId", c.requestId()).put("secretId", c.secretId()).put("latencyMillis", c.latency().toMillis());
        }
        return root;
    }

    private JsonNode anchor(boolean join, JsonNode body) {
        long sdkAppId = body.required("sdkAppId").asLong();
        String roomId = body.required("roomId").asText();
        int roomIdType = body.path("roomIdType").asInt(1);
        String userId = body.required("userId").asText();
        if (join) {
            emulator.anchorJoins(sdkAppId, roomId, roomIdType, userId);
        } else {
            emulator.anchorLeaves(sdkAppId, roomId, roomIdType, userId);
        }
        return JSON.createObjectNode().put("ok", true);
    }

    private JsonNode inject(JsonNode body) {
        String name = body.required("action").asText();
        Action action = Action.fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown action " + name));
        for (JsonNode f : body.required("faults")) {
            Fault fault = switch (Fault.Kind.valueOf(f.required("kind").asText().toUpperCase(Locale.ROOT))) {
                case ERROR -> f.hasNonNull("message") ? Fault.error(f.required("code").asText(), f.get("message").asText())
                        : Fault.error(f.required("code").asText());
                case LATENCY -> Fault.latency(Duration.ofMillis(f.required("millis").asLong()));
                case HTTP_STATUS -> Fault.httpStatus(f.required("status").asInt());
                case COMMIT_THEN_DROP -> Fault.commitThenDrop();
            };
            emulator.faults().inject(action, fault.withRate(f.path("rate").asDouble(1)).times(f.path("times").asInt(-1)));
        }
        return faults();
    }

    private JsonNode callbacks() {
        ObjectNode root = JSON.createObjectNode().put("enabled", emulator.callbacks().enabled());
        ArrayNode faults = root.putArray("faults");
        for (CallbackFault f : emulator.callbacks().faults()) {
            faults.addObject().put("kind", f.kind().name()).put("eventType", f.eventType()).put("millis", f.delay().toMillis())
                    .put("times", f.times());
        }
        ArrayNode list = root.putArray("deliveries");
        for (CallbackSender.Delivery d : emulator.callbacks().deliveries()) {
            list.addObject().put("eventType", d.eventType()).put("taskId", d.taskId()).put("attempts", d.attempts())
                    .put("lastStatus", d.lastStatus()).put("delivered", d.delivered()).put("dropped", d.dropped()).put("body", d.body());
        }
        return root;
    }

    private JsonNode faults() {
        ObjectNode root = JSON.createObjectNode();
        for (Action a : Action.values()) {
            ArrayNode list = root.putArray(a.wireName());
            for (Fault f : emulator.faults().of(a)) {
                list.addObject().put("kind", f.kind().name()).put("code", f.code()).put("message", f.message())
                        .put("millis", f.latency().toMillis()).put("status", f.httpStatus()).put("rate", f.rate())
                        .put("times", f.times());
            }
        }
        return root;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try {
            return JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
