package com.tencentcloud.trtc.operator.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API front (trtc-api §1 and Appendix A): {@code POST /}, also in the absolute form a client sends to an HTTP
 * proxy ({@code POST http://trtc.tencentcloudapi.com/ HTTP/1.1}). Every answer is HTTP 200 with a
 * {@code {"Response":{...,"RequestId"}}} envelope, except injected HTTP-status faults and drops.
 *
 * <p>Checks, in order, with their codes: method not POST → {@code UnsupportedProtocol}; body over 10 MB →
 * {@code RequestSizeLimitExceeded}; {@code X-TC-Action} absent → {@code MissingParameter}, unknown →
 * {@code InvalidAction}; {@code X-TC-Version} absent → {@code MissingParameter}, not {@code 2019-07-22} →
 * {@code NoSuchVersion}; {@code X-TC-Region} absent → {@code MissingParameter}, a Tencent region the action does
 * not serve → {@code UnsupportedRegion}, anything else → {@code InvalidParameterValue}; then the signature
 * ({@link SignatureVerifier}), the rate limit ({@link RateLimiter}), injected {@link Faults}, and the action
 * ({@link RecordingService}). One log line per call: action, outcome, RequestId, SecretId, latency; never the
 * signature or the body.
 */
final class ApiHandler implements HttpHandler {

    static final String VERSION = "2019-07-22";
    private static final int MAX_BODY = 10 * 1024 * 1024;
    private static final int MAX_CALL_RECORDS = 10_000;
    private static final Set<String> TENCENT_REGIONS = Set.of("ap-guangzhou", "ap-shanghai", "ap-nanjing", "ap-beijing",
            "ap-chengdu", "ap-chongqing", "ap-hongkong", "ap-singapore", "ap-jakarta", "ap-bangkok", "ap-seoul", "ap-tokyo",
            "ap-mumbai", "na-ashburn", "na-siliconvalley", "sa-saopaulo", "eu-frankfurt");
    private static final Logger LOG = LoggerFactory.getLogger(TrtcEmulator.class);

    private final SignatureVerifier verifier;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final RecordingService service;
    private final Clock clock;
    private final List<CallRecord> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    ApiHandler(SignatureVerifier verifier, RateLimiter rateLimiter, Faults faults, RecordingService service, Clock clock) {
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long started = System.nanoTime();
            String requestId = UUID.randomUUID().toString();
            String actionName = exchange.getRequestHeaders().getFirst("X-TC-Action");
            Caller caller = new Caller();
            Answer answer;
            try {
                answer = "/".equals(exchange.getRequestURI().getPath())
                        ? call(exchange, requestId, actionName, caller)
                        : Answer.plain(404, "Not found: the TRTC API is served at POST /.");
            } catch (ApiError e) {
                answer = Answer.envelope(error(e.code(), e.getMessage()), requestId, e.code());
            } catch (RuntimeException e) {
                LOG.warn("emulator failure on {} requestId={}", actionName, requestId, e);
                answer = Answer.envelope(error("InternalError", "An internal error occurred in the emulator."), requestId,
                        "InternalError");
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            record(new CallRecord(clock.instant(), actionName, answer.outcome(), requestId, caller.secretId, latency));
            LOG.info("{} {} requestId={} secretId={} {}ms", actionName == null ? "-" : actionName, answer.outcome(),
                    requestId, caller.secretId == null ? "-" : caller.secretId, latency.toMillis());
            answer.sendTo(exchange);
        }
    }

    /** The calls received so far (the last {@value #MAX_CALL_RECORDS}). */
    List<CallRecord> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private Answer call(HttpExchange exchange, String requestId, String actionName, Caller caller) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new ApiError("UnsupportedProtocol", "The emulator serves POST only, not " + exchange.getRequestMethod() + ".");
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (actionName == null || actionName.isEmpty()) {
            throw ApiError.missingCommon("Action");
        }
        Action action = Action.fromWireName(actionName).orElseThrow(() ->
                new ApiError("InvalidAction", "The requested action `" + actionName + "` does not exist."));
        String version = exchange.getRequestHeaders().getFirst("X-TC-Version");
        if (version == null || version.isEmpty()) {
            throw ApiError.missingCommon("Version");
        }
        if (!VERSION.equals(version)) {
            throw new ApiError("NoSuchVersion", "The requested version `" + version + "` of service `trtc` does not exist.");
        }
        region(action, exchange.getRequestHeaders().getFirst("X-TC-Region"));
        String secretId = verifier.verify(exchange.getRequestMethod(), exchange.getRequestHeaders()::getFirst, body);
        caller.secretId = secretId;
        rateLimiter.acquire(action, secretId);
        Faults.Plan plan = faults.roll(action);
        sleep(plan.latency());
        Fault fault = plan.outcome();
        if (fault == null) {
            return Answer.envelope(service.handle(action, secretId, body), requestId, "OK");
        }
        return switch (fault.kind()) {
            case ERROR -> throw new ApiError(fault.code(), fault.message());
            case HTTP_STATUS -> Answer.plain(fault.httpStatus(), "Injected by the emulator: HTTP " + fault.httpStatus() + ".");
            case START_FAILURE -> Answer.envelope(service.handle(action, secretId, body, true), requestId, "OK");
            case COMMIT_THEN_DROP -> {
                commitUnseen(action, secretId, body);
                yield Answer.DROP;
            }
            case LATENCY -> throw new IllegalStateException("latency is never an outcome");
        };
    }

    /** Does the call for a caller that will never see the answer, whatever it is. */
    private void commitUnseen(Action action, String secretId, byte[] body) {
        try {
            service.handle(action, secretId, body);
        } catch (ApiError refused) {
            LOG.debug("{} dropped after refusing it with {}", action.wireName(), refused.code());
        }
    }

    /**
     * What to send back, decided (and recorded) before anything is written, so that a caller who has its answer
     * always finds its call in {@link #calls()}. {@link #DROP} sends nothing: the connection is closed.
     */
    private record Answer(String outcome, int status, String contentType, byte[] body) {

        static final Answer DROP = new Answer("DROPPED", 0, null, null);

        static Answer envelope(ObjectNode response, String requestId, String outcome) {
            response.put("RequestId", requestId);
            ObjectNode root = TrtcJson.mapper().createObjectNode();
            root.set("Response", response);
            try {
                return new Answer(outcome, 200, "application/json", TrtcJson.mapper().writeValueAsBytes(root));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a response envelope could not be written", e);
            }
        }

        static Answer plain(int status, String text) {
            return new Answer("HTTP " + status, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }

        void sendTo(HttpExchange exchange) throws IOException {
            if (body == null) {
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Who made the call, as far as it is known when the call ends. */
    private static final class Caller {
        private String secretId;
    }

    private static void region(Action action, String region) {
        if (region == null || region.isEmpty()) {
            throw ApiError.missingCommon("Region");
        }
        if (action.regions().contains(region)) {
            return;
        }
        if (TENCENT_REGIONS.contains(region)) {
            throw new ApiError("UnsupportedRegion", "The action `" + action.wireName() + "` does not support the region `"
                    + region + "`.");
        }
        throw new ApiError("InvalidParameterValue",
                "A value specified in `X-TC-Region` is not valid, is unsupported, or cannot be used.");
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new ApiError("RequestSizeLimitExceeded", "The request body exceeds 10 MB.");
        }
        return body;
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode node = TrtcJson.mapper().createObjectNode();
        node.putObject("Error").put("Code", code).put("Message", message);
        return node;
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many calls named this {@code X-TC-Action}, whatever their outcome. */
    long count(String actionName) {
        LongAdder n = counts.get(actionName);
        return n == null ? 0 : n.sum();
    }

    private void record(CallRecord call) {
        if (call.action() != null) {
            counts.computeIfAbsent(call.action(), a -> new LongAdder()).increment();
        }
        synchronized (calls) {
            if (calls.size() >= MAX_CALL_RECORDS) {
                calls.remove(0);
            }
            calls.add(call);
        }
    }
}
