package com.tencentcloud.trtc.operator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.trtc.CallbackSignature;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver of TRTC's recording callbacks (design §8): {@code POST /trtc/callback} on {@code CALLBACK_PORT}, plain
 * HTTP behind the user's TLS-terminating Ingress.
 *
 * <p>Each callback is checked in this order, and every bad input changes nothing:
 * <ol>
 *   <li>a request line over {@value #MAX_INITIAL_LINE} bytes or headers over {@value #MAX_HEADERS} bytes: {@code 400};
 *       a body over {@value #MAX_BODY} bytes: {@code 413}; a request (headers and body) not complete within the read
 *       timeout of its first byte: the connection is closed without an answer (TRTC retries);</li>
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
 * <p>Callbacks are load-bearing (a 302 is how the operator learns that a task ended by fault), so no client can make
 * the receiver unanswerable. It is built on Netty: {@value #IO_THREADS} event-loop threads read every connection
 * without blocking, so a client that sends its request a few bytes at a time holds a socket, never a thread, and only
 * a complete request is handled (from memory, in well under a millisecond once warm). Netty bounds the sizes of the
 * request line, the headers and the body; {@link RequestDeadline} bounds the time a request's headers and body may
 * take to arrive, which no Netty handler does (its idle timeouts restart with every byte). The JDK's HTTP server,
 * used before, reads headers on its handler threads and takes its request timeout only from JVM-wide system
 * properties.
 */
public final class CallbackServer implements AutoCloseable {

    public static final String PATH = "/trtc/callback";
    public static final int MAX_BODY = 64 * 1024;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(3);
    /** How long a connection may stay open without beginning a request; it holds a socket, never a thread. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** How long a connection answered 413 stays open for the rest of the client's body to be read and dropped. */
    static final Duration OVERSIZED_LINGER = Duration.ofSeconds(2);
    static final int IO_THREADS = 2;
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADERS = 8192;
    static final int MAX_CHUNK = 8192;
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

    private volatile Channel channel;
    private final ChannelGroup connections;
    private final EventLoopGroup io;
    private final CallbackReceiver receiver;
    private final Listener listener;

    private CallbackServer(CallbackReceiver receiver, Listener listener) {
        this.receiver = receiver;
        this.listener = listener;
        this.io = new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("trtc-callback", true));
        this.connections = new DefaultChannelGroup(io.next());
    }

    /**
     * Listens on {@code address} (port 0 picks a free one).
     *
     * @param readTimeout how long a request (its headers and body) may take to arrive, counted from its first byte; a
     *                    connection that exceeds it is closed without an answer (TRTC retries)
     */
    public static CallbackServer start(InetSocketAddress address, CallbackReceiver receiver, Listener listener,
                                       Duration readTimeout) throws IOException {
        CallbackServer server = new CallbackServer(receiver, listener);
        ChannelFuture bound = new ServerBootstrap()
                .group(server.io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 64)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        server.connections.add(ch);
                        RequestDeadline deadline = new RequestDeadline(readTimeout, IDLE_TIMEOUT,
                                () -> listener.handled("unknown", Result.TIMEOUT));
                        ch.pipeline()
                                .addLast(deadline)
                                .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, MAX_CHUNK))
                                .addLast(server.new BodyLimit())
                                .addLast(deadline.requestRead())
                                .addLast(server.new Handler());
                    }
                })
                .bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            server.io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw bound.cause() instanceof IOException e ? e : new IOException("cannot listen on " + address, bound.cause());
        }
        server.channel = bound.channel();
        return server;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * Answers 413 to a body over {@value #MAX_BODY} bytes (declared or chunked) and ends the connection. The client is
     * usually still sending its body then, and closing a socket with unread bytes resets it, which can throw the
     * answer away before the client reads it; so the server only stops sending (FIN after the answer), reads and
     * discards what still comes, and closes after {@link #OVERSIZED_LINGER} or when the client does.
     */
    private final class BodyLimit extends HttpObjectAggregator {

        BodyLimit() {
            super(MAX_BODY, true);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            listener.handled("unknown", Result.TOO_LARGE);
            ctx.writeAndFlush(response(new Answer(413, error(413, "too large"), true))).addListener(written -> {
                if (written.isSuccess() && ctx.channel() instanceof SocketChannel socket) {
                    socket.shutdownOutput();
                    ctx.executor().schedule(() -> ctx.close(), OVERSIZED_LINGER.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    ctx.close();
                }
            });
        }
    }

    /** Answers a complete request; it runs on the event loop and answers from memory, without waiting. */
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            Answer answer = answer(request);
            boolean keepAlive = !answer.close() && HttpUtil.isKeepAlive(request);
            FullHttpResponse response = response(answer);
            HttpUtil.setKeepAlive(response, keepAlive);
            ChannelFuture written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("Callback connection closed after an error: {}", cause.toString());
            ctx.close();
        }
    }

    /** What to answer, and whether to close the connection after it. */
    record Answer(int status, String body, boolean close) {
    }

    private Answer answer(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            listener.handled("unknown", Result.MALFORMED);
            return new Answer(400, error(400, "malformed HTTP request"), true);
        }
        if (!PATH.equals(new QueryStringDecoder(request.uri()).path())) {
            return new Answer(404, "{\"error\":\"not found\"}", false);
        }
        if (!HttpMethod.POST.equals(request.method())) {
            return new Answer(405, "{\"error\":\"method not allowed\"}", false);
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        return process(request.headers(), body);
    }

    private Answer process(HttpHeaders headers, byte[] body) {
        JsonNode root;
        int type;
        String taskId;
        try {
            root = CallbackParser.tree(body);
            type = CallbackParser.eventType(root);
            taskId = CallbackParser.taskId(root);
        } catch (CallbackParser.MalformedCallbackException e) {
            return reject(400, "unknown", Result.MALFORMED, e.getMessage());
        }
        String event = RecordingCallback.isRecordingEvent(type) ? String.valueOf(type) : "unknown";
        if (!RecordingCallback.isRecordingEvent(type) || taskId == null) {
            return ok(event, Result.IGNORED);
        }
        Optional<CallbackTarget> found = receiver.target(taskId);
        if (found.isEmpty() && !receiver.knowsEveryTask()) {
            return reject(503, event, Result.REFUSED, "not accepted now; send it again");
        }
        if (found.isEmpty()) {
            LOG.debug("Callback {} for task {}, which no CloudRecording has: ignored", type, taskId);
            return ok(event, Result.UNKNOWN_TASK);
        }
        CallbackTarget target = found.get();
        if (target.callbackKey() == null) {
            LOG.warn("Callback {} for {}/{} refused: no callbackKey in its credentials Secret (nor TRTC_CALLBACK_KEY)",
                    type, target.namespace(), target.name());
            return reject(401, event, Result.UNAUTHORIZED, "no callback key is configured for this task");
        }
        if (!CallbackSignature.matches(target.callbackKey(), body, headers.get("Sign"))) {
            LOG.warn("Callback {} for {}/{} refused: Sign is missing or wrong", type, target.namespace(), target.name());
            return reject(401, event, Result.UNAUTHORIZED, "Sign does not match");
        }
        if (!String.valueOf(target.sdkAppId()).equals(trim(headers.get("SdkAppId")))) {
            LOG.warn("Callback {} for {}/{} refused: the SdkAppId header is not the resource's", type, target.namespace(), target.name());
            return reject(401, event, Result.UNAUTHORIZED, "SdkAppId does not match");
        }
        RecordingCallback callback;
        try {
            callback = CallbackParser.parse(root);
        } catch (CallbackParser.MalformedCallbackException e) {
            return reject(400, event, Result.MALFORMED, e.getMessage());
        }
        return switch (receiver.offer(target, callback)) {
            case ACCEPTED -> ok(event, Result.ACCEPTED);
            case DUPLICATE -> ok(event, Result.DUPLICATE);
            case REFUSED -> reject(503, event, Result.REFUSED, "not accepted now; send it again");
        };
    }

    private Answer ok(String event, String result) {
        listener.handled(event, result);
        return new Answer(200, OK_BODY, false);
    }

    private Answer reject(int status, String event, String result, String why) {
        listener.handled(event, result);
        return new Answer(status, error(status, why), true);
    }

    private static String error(int status, String why) {
        return "{\"code\":" + status + ",\"error\":" + quote(why) + "}";
    }

    private static FullHttpResponse response(Answer answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()),
                Unpooled.copiedBuffer(answer.body(), StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (answer.status() == 405) {
            response.headers().set(HttpHeaderNames.ALLOW, "POST");
        }
        return response;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ") + "\"";
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
