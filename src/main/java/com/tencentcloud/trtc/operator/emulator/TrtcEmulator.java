package com.tencentcloud.trtc.operator.emulator;

import com.sun.net.httpserver.HttpServer;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the TRTC on-cloud recording endpoint (trtc-api.md), listening on 127.0.0.1.
 *
 * <pre>{@code
 * try (TrtcEmulator emulator = TrtcEmulator.builder().credential("AKIDtest", "secret").clock(clock)
 *         .hourLength(Duration.ofSeconds(1)).build().start()) {
 *     client = new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()), clock);
 *     emulator.anchorJoins(1400000001L, "1234", 1, "alice");
 *     emulator.faults().inject(Action.CREATE, Fault.commitThenDrop().times(1));
 * }
 * }</pre>
 *
 * <p>It serves the four actions at {@code POST /} (also as an HTTP proxy target, for the vendor SDK), verifies
 * TC3-HMAC-SHA256 against the configured keys, validates bodies, keeps the task model of §6 against the injected
 * clock, limits each action to {@code rateLimitPerSecond} calls per SecretId and each app to
 * {@code maxLiveTasksPerApp} live tasks, and offers the same control surface over HTTP under {@code /_emulator/}
 * ({@link ControlHandler}). With a callback URL it sends TRTC's signed recording callbacks ({@link #callbacks()});
 * idle timeouts are then settled every 500 ms so that their 302 goes out on time. Thread-safe.
 *
 * <p>Its answers go out with {@code TCP_NODELAY} ({@value #NO_DELAY_PROPERTY}). The JDK server writes a response's
 * headers and its body separately; without it the body waits for the client's delayed ACK, which added 20-30 ms to
 * every call here, a delay the real service does not add and one that the operator's rate limiter charges to every
 * window of calls (its window counts from each answer). The JDK reads the property once, when the first
 * {@code HttpServer} of the process starts: it is set here if unset, and the test JVMs set it from the start.
 */
public final class TrtcEmulator implements AutoCloseable {

    /** The JDK's switch for {@code TCP_NODELAY} on the sockets of its {@code HttpServer}. */
    public static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final int requestedPort;
    private final int threads;
    private final TaskStore store;
    private final Faults faults;
    private final ApiHandler api;
    private final CallbackSender callbacks;
    private HttpServer server;
    private ExecutorService executor;
    private java.util.concurrent.ScheduledExecutorService ticker;

    private TrtcEmulator(Builder b) {
        this.requestedPort = b.port;
        this.threads = b.threads;
        this.callbacks = new CallbackSender(b.clock);
        if (b.callbackUrl != null) {
            callbacks.target(b.callbackUrl, b.callbackKey);
        }
        this.store = new TaskStore(b.clock, b.hourLength, b.exitDrain, b.maxLiveTasksPerApp, new TaskCallbacks(callbacks));
        this.faults = new Faults(b.random);
        RecordingService service = new RecordingService(new RequestValidator(b.sdkAppIds, b.sdkSecretKeys, b.clock), store);
        this.api = new ApiHandler(new SignatureVerifier(b.credentials, b.clock, b.maxClockSkew),
                new RateLimiter(b.clock, b.rateLimitPerSecond), faults, service, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 on the configured port (0 = any free port) and starts serving. */
    public synchronized TrtcEmulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + requestedPort, e);
        }
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trtc-emulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", api);
        server.createContext(ControlHandler.PREFIX, new ControlHandler(this));
        server.start();
        ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trtc-emulator-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            if (callbacks.enabled()) {
                store.tick();
            }
        }, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * The recording callbacks: where they go ({@link CallbackSender#target}), what was sent, and the faults of their
     * delivery. Off until a URL and key are set, here or with {@link Builder#callbacks}.
     */
    public CallbackSender callbacks() {
        return callbacks;
    }

    /** The bound port. */
    public int port() {
        return requireStarted().getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint URL for our client, and the proxy for the vendor SDK. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Every task created so far (including GONE ones), oldest first, as it is now. */
    public List<TaskSnapshot> tasks() {
        return store.snapshots();
    }

    public Optional<TaskSnapshot> task(String taskId) {
        return tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst();
    }

    /** How many calls of this action arrived, whatever their outcome (rejected, faulted and dropped ones too). */
    public long callCount(Action action) {
        return api.count(action.wireName());
    }

    /** The last calls received (at most 10,000), oldest first. */
    public List<CallRecord> calls() {
        return api.calls();
    }

    /**
     * A simulated anchor (publishing user) enters the room; its streams are recorded from now on if subscribed.
     *
     * @param roomIdType 1 for an integer room id, 0 for a string room id (CreateCloudRecording's encoding)
     */
    public void anchorJoins(long sdkAppId, String roomId, int roomIdType, String userId) {
        store.anchorJoins(room(sdkAppId, roomId, roomIdType), Objects.requireNonNull(userId, "userId"));
    }

    /** A simulated anchor leaves; when the room is left empty, MaxIdleTime starts counting. */
    public void anchorLeaves(long sdkAppId, String roomId, int roomIdType, String userId) {
        store.anchorLeaves(room(sdkAppId, roomId, roomIdType), Objects.requireNonNull(userId, "userId"));
    }

    /**
     * Ends a live task now, as the service would, with the 302 of {@code leaveCode} (0–4, 99, 100 or 101, trtc-api
     * §6.9) and then the upload callbacks of its destination. 100 is the fault after which Tencent advises a new task.
     *
     * @throws IllegalArgumentException for an unknown task, one that already exited, or an undocumented LeaveCode
     */
    public void endTask(String taskId, int leaveCode) {
        store.end(Objects.requireNonNull(taskId, "taskId"), ExitReason.ofLeaveCode(leaveCode));
    }

    /**
     * Ends a live task from outside, as if the application dismissed its room: the task exits (302 with
     * {@code LeaveCode} 2) and frees its place under the live-task limit. False when no such task is live.
     */
    public boolean endTask(String taskId) {
        return store.dismiss(Objects.requireNonNull(taskId, "taskId"));
    }

    private static TaskStore.RoomKey room(long sdkAppId, String roomId, int roomIdType) {
        if (roomIdType != 0 && roomIdType != 1) {
            throw new IllegalArgumentException("roomIdType is 0 (string) or 1 (integer), not " + roomIdType);
        }
        return new TaskStore.RoomKey(sdkAppId, Objects.requireNonNull(roomId, "roomId"), roomIdType);
    }

    /** The injected faults, per action. */
    public Faults faults() {
        return faults;
    }

    /** Stops serving; open connections are closed. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            ticker.shutdownNow();
            server = null;
        }
        callbacks.close();
    }

    private synchronized HttpServer requireStarted() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server;
    }

    /** Configuration; every setting has a default matching Tencent's documented behaviour. */
    public static final class Builder {
        private int port = 0;
        private final Map<String, Credentials> credentials = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Duration hourLength = Duration.ofHours(1);
        private Duration exitDrain = Duration.ofSeconds(5);
        private Duration maxClockSkew = Duration.ofMinutes(5);
        private int rateLimitPerSecond = 20;
        private int maxLiveTasksPerApp = 100;
        private final Set<Long> sdkAppIds = new LinkedHashSet<>();
        private final Map<Long, String> sdkSecretKeys = new LinkedHashMap<>();
        private Random random = new Random();
        private int threads = 16;
        private java.net.URI callbackUrl;
        private String callbackKey;

        private Builder() {
        }

        /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** An accepted API key; repeatable. */
        public Builder credential(String secretId, String secretKey) {
            return credential(new Credentials(secretId, secretKey));
        }

        /** An accepted API key; a temporary key (with token) must send that token in {@code X-TC-Token}. */
        public Builder credential(Credentials credentials) {
            this.credentials.put(credentials.secretId(), credentials);
            return this;
        }

        /** The clock for signatures, rate limits, idle timeouts and windows (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How long one ResourceExpiredHour lasts (default one hour); tests make it short. */
        public Builder hourLength(Duration hourLength) {
            this.hourLength = requirePositive(hourLength);
            return this;
        }

        /** How long an exited task stays EXITED before it is gone (default 5 s). */
        public Builder exitDrain(Duration exitDrain) {
            this.exitDrain = Objects.requireNonNull(exitDrain);
            return this;
        }

        /** Allowed distance between X-TC-Timestamp and the clock (default 5 minutes). */
        public Builder maxClockSkew(Duration maxClockSkew) {
            this.maxClockSkew = Objects.requireNonNull(maxClockSkew);
            return this;
        }

        /** Accepted calls per second per action per SecretId (default 20). */
        public Builder rateLimitPerSecond(int perSecond) {
            this.rateLimitPerSecond = perSecond;
            return this;
        }

        /** Live tasks per SdkAppId (default 100). */
        public Builder maxLiveTasksPerApp(int max) {
            this.maxLiveTasksPerApp = max;
            return this;
        }

        /** Restricts the existing apps; others get {@code InvalidParameter.SdkAppId} (default: every app exists). */
        public Builder sdkAppId(long sdkAppId) {
            this.sdkAppIds.add(sdkAppId);
            return this;
        }

        /**
         * Declares an app with its SDKSecretKey: the app exists (as with {@link #sdkAppId}) and the UserSig of every
         * Create for it is verified, {@code InvalidParameter.UserSig} when it is not valid for the robot now.
         */
        public Builder sdkApp(long sdkAppId, String sdkSecretKey) {
            this.sdkAppIds.add(sdkAppId);
            this.sdkSecretKeys.put(sdkAppId, Objects.requireNonNull(sdkSecretKey));
            return this;
        }

        /** Source of randomness for fault rates (seed it for repeatable runs). */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** Worker threads serving calls (default 16); injected latency holds one for its duration. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Sends signed recording callbacks for every task to {@code url} (trtc-api §6.9), as the TRTC console's
         * callback URL and key configure them (default: none).
         */
        public Builder callbacks(java.net.URI url, String key) {
            this.callbackUrl = Objects.requireNonNull(url);
            this.callbackKey = Objects.requireNonNull(key);
            return this;
        }

        public TrtcEmulator build() {
            if (credentials.isEmpty()) {
                throw new IllegalStateException("at least one credential is needed");
            }
            return new TrtcEmulator(this);
        }

        private static Duration requirePositive(Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("must be positive: " + d);
            }
            return d;
        }
    }
}
