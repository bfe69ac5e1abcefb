package com.tencentcloud.trtc.operator.trtc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloud.trtc.operator.trtc.model.CloudStorage;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link TrtcClient} over HTTPS with OkHttp: one signed {@code POST /} per call (trtc-api §1, §2).
 *
 * <p>Each call serializes the request once with {@link TrtcJson#mapper()}, hashes exactly those bytes for the
 * TC3 signature (signed headers {@code content-type;host}) and sends exactly those bytes, with the headers
 * {@code Content-Type: application/json; charset=utf-8}, {@code X-TC-Action}, {@code X-TC-Version},
 * {@code X-TC-Timestamp} (from the injected {@link Clock}), {@code X-TC-Region}, {@code Authorization},
 * {@code X-TC-RequestClient}, and {@code X-TC-Token} only when the credentials carry a session token.
 *
 * <p><b>Never retries.</b> The OkHttp client is built with {@code retryOnConnectionFailure(false)} and with
 * redirects off, because a silent re-send of {@code CreateCloudRecording} can start a second, billed task.
 *
 * <p><b>Outcome of a failed call.</b> An HTTP status other than 200, a body that is not a
 * {@code {"Response":…}} envelope, and any I/O failure after the request headers started to be written give a
 * {@link TrtcTransportException} with {@code outcomeUnknown() == true}. Only an I/O failure before that point
 * (DNS, connect, TLS handshake) gives {@code outcomeUnknown() == false}. The point is observed with a per-call
 * OkHttp {@link EventListener} ({@code requestHeadersStart}), not guessed from exception types, so a connect
 * timeout and a read timeout, both {@code SocketTimeoutException}s, are told apart correctly.
 *
 * <p><b>Timeouts.</b> Defaults: connect {@link #DEFAULT_CONNECT_TIMEOUT} (5 s), whole call
 * {@link #DEFAULT_CALL_TIMEOUT} (15 s), comfortably above Tencent's stated 6 s server-side per-call timeout so
 * that a slow but successful answer is still read; read and write timeouts equal the call timeout.
 *
 * <p>A region, SecretId or session token holding a control or non-ASCII character (typically a trailing
 * newline copied into a Secret) is refused with an {@link IllegalArgumentException} before anything is sent,
 * because OkHttp would otherwise quote the offending header value in its own exception message.
 *
 * <p>Exception messages name the action and the failure; they never contain a key, signature, token, request
 * body or response body. Tencent's {@code Error.Message} is kept, with any secret of the call masked. The
 * client is thread-safe and logs nothing.
 */
public final class HttpTrtcClient implements TrtcClient {

    /** The API version sent as {@code X-TC-Version}. */
    public static final String API_VERSION = "2019-07-22";
    /** The exact {@code Content-Type} sent and signed. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** The {@code X-TC-RequestClient} value. */
    public static final String REQUEST_CLIENT = "trtc-recording-operator";
    /** Default time to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time for a whole call, from connect to the end of the response body. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);

    /** The action names, as the limiter and the metrics count them. */
    public static final String CREATE = "CreateCloudRecording";
    public static final String DESCRIBE = "DescribeCloudRecording";
    public static final String MODIFY = "ModifyCloudRecording";
    public static final String DELETE = "DeleteCloudRecording";

    private static final MediaType JSON = MediaType.get(CONTENT_TYPE);
    private static final String REDACTED = "<redacted>";

    private final TrtcEndpoint endpoint;
    private final Clock clock;
    private final OkHttpClient http;
    private final ObjectMapper mapper = TrtcJson.mapper();

    /** A client with the default timeouts. */
    public HttpTrtcClient(TrtcEndpoint endpoint, Clock clock) {
        this(endpoint, clock, DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * A client with its own OkHttp client.
     *
     * @param connectTimeout time to open the connection (including TLS)
     * @param callTimeout    time for the whole call; also used as read and write timeout
     */
    public HttpTrtcClient(TrtcEndpoint endpoint, Clock clock, Duration connectTimeout, Duration callTimeout) {
        this(endpoint, clock, new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .callTimeout(callTimeout)
                .build());
    }

    private HttpTrtcClient(TrtcEndpoint endpoint, Clock clock, OkHttpClient base) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = base.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListenerFactory(HttpTrtcClient::listenerFor)
                .build();
    }

    /**
     * A client sharing {@code base}'s connection pool, dispatcher, timeouts and proxy (for tests, or to share
     * one pool in a process). Whatever {@code base} says, the resulting client never retries, never follows
     * redirects, and uses its own event listener (any listener factory of {@code base} is replaced).
     */
    public static HttpTrtcClient withOkHttpClient(TrtcEndpoint endpoint, Clock clock, OkHttpClient base) {
        return new HttpTrtcClient(endpoint, clock, Objects.requireNonNull(base, "base"));
    }

    /** The endpoint this client calls. */
    public TrtcEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public CreateCloudRecordingResponse createCloudRecording(CallContext call, CreateCloudRecordingRequest request) {
        return execute(CREATE, call, request, CreateCloudRecordingResponse.class);
    }

    @Override
    public DescribeCloudRecordingResponse describeCloudRecording(CallContext call, DescribeCloudRecordingRequest request) {
        return execute(DESCRIBE, call, request, DescribeCloudRecordingResponse.class);
    }

    @Override
    public ModifyCloudRecordingResponse modifyCloudRecording(CallContext call, ModifyCloudRecordingRequest request) {
        return execute(MODIFY, call, request, ModifyCloudRecordingResponse.class);
    }

    @Override
    public DeleteCloudRecordingResponse deleteCloudRecording(CallContext call, DeleteCloudRecordingRequest request) {
        return execute(DELETE, call, request, DeleteCloudRecordingResponse.class);
    }

    private <T> T execute(String action, CallContext call, Object request, Class<T> responseType) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(request, "request");
        Credentials credentials = call.credentials();
        requireHeaderSafe(action, "the region", call.region());
        requireHeaderSafe(action, "the SecretId", credentials.secretId());
        if (credentials.token() != null) {
            requireHeaderSafe(action, "the session token", credentials.token());
        }
        byte[] body = serialize(action, request);
        long timestamp = clock.instant().getEpochSecond();
        Tc3Signer.Signature signature = Tc3Signer.sign(credentials, Tc3Signer.Input.jsonPost(
                endpoint.signedHost(), CONTENT_TYPE, body, endpoint.service(), timestamp));

        SendTracker tracker = new SendTracker();
        Request.Builder builder = new Request.Builder()
                .url(endpoint.url())
                .post(RequestBody.create(body, JSON))
                .header("X-TC-Action", action)
                .header("X-TC-Version", API_VERSION)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("X-TC-Region", call.region())
                .header("X-TC-RequestClient", REQUEST_CLIENT)
                .header("Authorization", signature.authorization())
                .tag(SendTracker.class, tracker);
        if (credentials.token() != null && !credentials.token().isEmpty()) {
            builder.header("X-TC-Token", credentials.token());
        }

        JsonNode envelope;
        try (Response response = http.newCall(builder.build()).execute()) {
            if (response.code() != 200) {
                throw new TrtcTransportException(action, "HTTP status " + response.code()
                        + " instead of 200; the request may have been carried out", true, null);
            }
            envelope = readEnvelope(action, response.body());
        } catch (IOException e) {
            throw ioFailure(action, tracker, e);
        }
        return interpret(action, envelope, responseType, secretsOf(credentials, request));
    }

    private static void requireHeaderSafe(String action, String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(action + " not sent: " + what + " contains a character that cannot"
                        + " be sent in an HTTP header (a trailing newline in a Secret?)");
            }
        }
    }

    private byte[] serialize(String action, Object request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(action + " request could not be serialized to JSON");
        }
    }

    private JsonNode readEnvelope(String action, ResponseBody body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.bytes();
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw notAnEnvelope(action, "the response body is not JSON");
        }
        JsonNode response = root == null ? null : root.get("Response");
        if (response == null || !response.isObject()) {
            throw notAnEnvelope(action, "the response body has no \"Response\" object");
        }
        return response;
    }

    private <T> T interpret(String action, JsonNode response, Class<T> responseType, List<String> secrets) {
        String requestId = response.path("RequestId").isTextual() ? response.get("RequestId").asText() : null;
        JsonNode error = response.get("Error");
        if (error != null && !error.isNull()) {
            JsonNode code = error.get("Code");
            if (code == null || !code.isTextual() || code.asText().isBlank()) {
                throw notAnEnvelope(action, "the error envelope has no Code (RequestId " + requestId + ")");
            }
            String message = error.path("Message").isTextual() ? error.get("Message").asText() : "";
            throw new TrtcApiException(action, code.asText(), mask(message, secrets), requestId);
        }
        try {
            return mapper.treeToValue(response, responseType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw notAnEnvelope(action, "the Response object does not match " + responseType.getSimpleName()
                    + " (RequestId " + requestId + ")");
        }
    }

    private static TrtcTransportException notAnEnvelope(String action, String problem) {
        return new TrtcTransportException(action, problem + "; the request may have been carried out", true, null);
    }

    private static TrtcTransportException ioFailure(String action, SendTracker tracker, IOException e) {
        String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (tracker.requestStarted) {
            return new TrtcTransportException(action, "no complete response after the request was sent ("
                    + cause + "); the request may have been carried out", true, e);
        }
        return new TrtcTransportException(action, "the request was not sent, the connection could not be opened ("
                + cause + ")", false, e);
    }

    private static List<String> secretsOf(Credentials credentials, Object request) {
        List<String> secrets = new ArrayList<>();
        secrets.add(credentials.secretKey());
        secrets.add(credentials.token());
        if (request instanceof CreateCloudRecordingRequest create) {
            secrets.add(create.userSig());
            secrets.add(create.privateMapKey());
            CloudStorage storage = create.storageParams() == null ? null : create.storageParams().cloudStorage();
            if (storage != null) {
                secrets.add(storage.accessKey());
                secrets.add(storage.secretKey());
            }
        }
        secrets.removeIf(s -> s == null || s.isEmpty());
        return secrets;
    }

    private static String mask(String text, List<String> secrets) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, REDACTED);
        }
        return masked;
    }

    private static EventListener listenerFor(Call call) {
        SendTracker tracker = call.request().tag(SendTracker.class);
        return tracker == null ? EventListener.NONE : tracker;
    }

    /**
     * Records, for one call, whether OkHttp began writing the request. Until then nothing of the request can
     * have reached the server; from then on it may have.
     */
    private static final class SendTracker extends EventListener {

        private volatile boolean requestStarted;

        @Override
        public void requestHeadersStart(Call call) {
            requestStarted = true;
        }

        @Override
        public void requestBodyStart(Call call) {
            requestStarted = true;
        }

        @Override
        public void requestFailed(Call call, IOException ioe) {
            requestStarted = true;
        }
    }
}
