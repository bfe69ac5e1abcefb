package com.tencentcloud.trtc.operator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.trtc.CallbackSignature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver of TRTC's recording callbacks (design §8): {@code POST /trtc/callback} on {@code CALLBACK_PORT}, plain
 * HTTP behind the user's TLS-terminating Ingress.
 *
 * <p>Each callback is checked in this order, and every bad input changes nothing:
 * <ol>
 *   <li>a body over {@value #MAX_BODY} bytes: {@code 413}; a body not complete within the read timeout: the connection
 *       is closed without an answer (TRTC retries);</li>
 *   <li>not a JSON object, or a field of the wrong type: {@code 400};</li>
 *   <li>not a recording event (301–312) or no {@code TaskId}: {@code 200} (ignored, counted);</li>
 *   <li>a TaskId no managed resource has: {@code 200} (ignored, counted);</li>
 *   <li>no callback key configured for the resource, a {@code Sign} that is missing or not
 *       {@code Base64(HMAC-SHA256(key, raw body))} (compared in constant time), or an {@code SdkAppId} header other
 *       than the resource's: {@code 401};</li>
 *   <li>otherwise it is handed to the {@link CallbackReceiver}: {@code 200 {"code":0}} when accepted (or already
 *       accepted), {@code 503} when it cannot be taken now (a standby replica, a full queue), so that TRTC sends it
 *       again.</li>
 * </ol>
 * Nothing here waits for the Kubernetes API: the receiver answers from memory and the reconciler applies the event
 * later, so every answer comes well within TRTC's 5 s. The keys never appear in logs or answers.
 *
 * <p>Built on the JDK's HTTP server, as {@code /healthz} is: the receiver needs one path, a body limit and a read
 * deadline, which a small handler provides without another HTTP stack in the image.
 */
public final class CallbackServer implements AutoCloseable {

    public static final String PATH = "/trtc/callback";
    public static final int MAX_BODY = 64 * 1024;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(3);
    static final String OK_BODY = "{\"code\":0}";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackServer.class);

    /** Counts each callback by event type ({@code 301}… or {@code unknown}) and result. */
    @FunctionalInterface
    public interface Listener {
        void handled(String event, String result);
    }

    /** The {@code result} label of {@code trtc_callbacks_total}. */
    public static final class Result {
        public static final String ACCEPTED = "accepted";
        public static final String DUPLICATE = "duplicate";
        public static final String IGNORED = "ignored";
        public static final String UNKNOWN_TASK = "unknown_task";
        public static final String UNAUTHORIZED = "unauthorized";
        public static final String MALFORMED = "malformed";
        public static final String TOO_LARGE = "too_large";
        public static final String TIMEOUT = "timeout";
        public static final String REFUSED = "refused";

        private Result() {
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService watchdog;
    private final CallbackReceiver receiver;
    private final Listener listener;
    private final Duration readTimeout;

    private CallbackServer(HttpServer server, CallbackReceiver receiver, Listener listener, Duration readTimeout) {
        this.server = server;
        this.receiver = receiver;
        this.listener = listener;
        this.readTimeout = readTimeout;
        this.executor = Executors.newFixedThreadPool(4, daemon("trtc-callback"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("trtc-callback-deadline"));
    }

    /**
     * Listens on {@code address} (port 0 picks a free one).
     *
     * @param readTimeout how long a request body may take to arrive
     */
    public static CallbackServer start(InetSocketAddress address, CallbackReceiver receiver, Listener listener,
                                       Duration readTimeout) throws IOException {
        HttpServer http = HttpServer.create(address, 64);
        CallbackServer server = new CallbackServer(http, receiver, listener, readTimeout);
        http.createContext("/", server::handle);
        http.setExecutor(server.executor);
        http.start();
        return server;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        watchdog.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                answer(exchange, 404, "{\"error\":\"not found\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, "{\"error\":\"method not allowed\"}");
                return;
            }
            byte[] body = readBody(exchange);
            if (body != null) {
                process(exchange, body);
            }
        }
    }

    /** The body, or null once it has been answered (413) or cut off (read timeout). */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && declaredTooLarge(length)) {
            reject(exchange, 413, "unknown", Result.TOO_LARGE);
            return null;
        }
        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            cutOff.set(true);
            exchange.close();
        }, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY) {
                    deadline.cancel(false);
                    reject(exchange, 413, "unknown", Result.TOO_LARGE);
                    return null;
                }
            }
        } catch (IOException e) {
            if (cutOff.get()) {
                listener.handled("unknown", Result.TIMEOUT);
                return null;
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
        if (cutOff.get()) {
            listener.handled("unknown", Result.TIMEOUT);
            return null;
        }
        return out.toByteArray();
    }

    private void process(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode root;
        int type;
        String taskId;
        try {
            root = CallbackParser.tree(body);
            type = CallbackParser.eventType(root);
            taskId = CallbackParser.taskId(root);
        } catch (CallbackParser.MalformedCallbackException e) {
            reject(exchange, 400, "unknown", Result.MALFORMED, e.getMessage());
            return;
        }
        String event = RecordingCallback.isRecordingEvent(type) ? String.valueOf(type) : "unknown";
        if (!RecordingCallback.isRecordingEvent(type) || taskId == null) {
            ok(exchange, event, Result.IGNORED);
            return;
        }
        Optional<CallbackTarget> found = receiver.target(taskId);
        if (found.isEmpty()) {
            LOG.debug("Callback {} for task {}, which no CloudRecording has: ignored", type, taskId);
            ok(exchange, event, Result.UNKNOWN_TASK);
            return;
        }
        CallbackTarget target = found.get();
        if (target.callbackKey() == null) {
            LOG.warn("Callback {} for {}/{} refused: no callbackKey in its credentials Secret (nor TRTC_CALLBACK_KEY)",
                    type, target.namespace(), target.name());
            reject(exchange, 401, event, Result.UNAUTHORIZED, "no callback key is configured for this task");
            return;
        }
        if (!CallbackSignature.matches(target.callbackKey(), body, exchange.getRequestHeaders().getFirst("Sign"))) {
            LOG.warn("Callback {} for {}/{} refused: Sign is missing or wrong", type, target.namespace(), target.name());
            reject(exchange, 401, event, Result.UNAUTHORIZED, "Sign does not match");
            return;
        }
        if (!String.valueOf(target.sdkAppId()).equals(trim(exchange.getRequestHeaders().getFirst("SdkAppId")))) {
            LOG.warn("Callback {} for {}/{} refused: the SdkAppId header is not the resource's", type, target.namespace(), target.name());
            reject(exchange, 401, event, Result.UNAUTHORIZED, "SdkAppId does not match");
            return;
        }
        RecordingCallback callback;
        try {
            callback = CallbackParser.parse(root);
        } catch (CallbackParser.MalformedCallbackException e) {
            reject(exchange, 400, event, Result.MALFORMED, e.getMessage());
            return;
        }
        switch (receiver.offer(target, callback)) {
            case ACCEPTED -> ok(exchange, event, Result.ACCEPTED);
            case DUPLICATE -> ok(exchange, event, Result.DUPLICATE);
            case REFUSED -> reject(exchange, 503, event, Result.REFUSED, "not accepted now; send it again");
        }
    }

    private static boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BODY;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void ok(HttpExchange exchange, String event, String result) throws IOException {
        listener.handled(event, result);
        answer(exchange, 200, OK_BODY);
    }

    private void reject(HttpExchange exchange, int status, String event, String result) throws IOException {
        reject(exchange, status, event, result, result.replace('_', ' '));
    }

    private void reject(HttpExchange exchange, int status, String event, String result, String why) throws IOException {
        listener.handled(event, result);
        exchange.getResponseHeaders().set("Connection", "close");
        answer(exchange, status, "{\"code\":" + status + ",\"error\":" + quote(why) + "}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ") + "\"";
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
