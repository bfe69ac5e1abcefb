package com.tencentcloud.trtc.operator.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloud.trtc.operator.trtc.CallbackSignature;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the emulator's recording callbacks (trtc-api §6.9) to one URL, signed with one callback key, the way TRTC
 * does: {@code POST} with {@code Content-Type: application/json}, {@code Sign} and {@code SdkAppId}; an attempt that is
 * not answered 200 within 5 s is retried once at once, then every 10 s (real time) until the callback is a minute old:
 * eight attempts at most.
 *
 * <p>Callbacks are built when the task changes (under the task store's lock) and sent from one background thread in
 * the order built, so that a receiver sees them in TRTC's order unless a {@link CallbackFault} says otherwise.
 * Thread-safe.
 */
public final class CallbackSender implements AutoCloseable {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    static final Duration RETRY_EVERY = Duration.ofSeconds(10);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);

    /** What became of one callback: its event, task, attempts so far and the last answer (0 = none). */
    public record Delivery(long id, int eventType, String taskId, String body, int attempts, int lastStatus, boolean delivered,
                           boolean dropped) {
    }

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trtc-emulator-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    private final List<CallbackFault> faults = new ArrayList<>();
    private final Map<Long, Delivery> deliveries = new java.util.LinkedHashMap<>();
    private final Map<String, Pending> heldBack = new HashMap<>();
    private volatile URI url;
    private volatile String key;

    private record Pending(long id, int type, String taskId, long sdkAppId, String body, Instant createdAt) {
    }

    CallbackSender(Clock clock) {
        this.clock = clock;
    }

    /** Sends from now on to {@code url}, signed with {@code key}; null {@code url} turns callbacks off. */
    public void target(URI url, String key) {
        if (url != null && (key == null || key.isEmpty())) {
            throw new IllegalArgumentException("a callback URL needs a callback key");
        }
        this.key = key;
        this.url = url;
    }

    public boolean enabled() {
        return url != null;
    }

    /** Adds a fault (after those already there). */
    public synchronized void inject(CallbackFault fault) {
        faults.add(fault);
    }

    public synchronized void clearFaults() {
        faults.clear();
    }

    public synchronized List<CallbackFault> faults() {
        return List.copyOf(faults);
    }

    /** Every callback built so far, oldest first (at most the last 10,000). */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries.values());
    }

    /** Builds event {@code type} for a task and queues it; nothing when callbacks are off. */
    void emit(int type, String taskId, long sdkAppId, String roomId, int roomIdType, String robot, Instant at, ObjectNode payload) {
        if (!enabled()) {
            return;
        }
        ObjectNode root = TrtcJson.mapper().createObjectNode();
        root.put("EventGroupId", 3).put("EventType", type).put("CallbackTs", clock.millis());
        ObjectNode info = root.putObject("EventInfo");
        if (roomIdType == 1) {
            info.put("RoomId", Long.parseLong(roomId));
        } else {
            info.put("RoomId", roomId);
        }
        info.put("EventTs", at.getEpochSecond()).put("EventMsTs", at.toEpochMilli()).put("UserId", robot).put("TaskId", taskId);
        info.set("Payload", payload);
        Pending p = new Pending(ids.incrementAndGet(), type, taskId, sdkAppId, root.toString(), clock.instant());
        schedule(p);
    }

    private synchronized void schedule(Pending p) {
        record(p, 0, 0, false, false);
        CallbackFault fault = take(p.type());
        Pending held = heldBack.remove(p.taskId());
        if (fault != null && fault.kind() == CallbackFault.Kind.DROP) {
            record(p, 0, 0, false, true);
        } else if (fault != null && fault.kind() == CallbackFault.Kind.REORDER) {
            heldBack.put(p.taskId(), p);
            executor.schedule(() -> release(p), ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            long delay = fault != null && fault.kind() == CallbackFault.Kind.DELAY ? fault.delay().toMillis() : 0;
            executor.schedule(() -> attempt(p, 0), delay, TimeUnit.MILLISECONDS);
            if (fault != null && fault.kind() == CallbackFault.Kind.REPEAT) {
                executor.schedule(() -> attempt(p, 0), delay, TimeUnit.MILLISECONDS);
            }
        }
        if (held != null) {
            executor.execute(() -> attempt(held, 0));
        }
    }

    private synchronized void release(Pending p) {
        if (heldBack.remove(p.taskId(), p)) {
            executor.execute(() -> attempt(p, 0));
        }
    }

    private CallbackFault take(int type) {
        for (int i = 0; i < faults.size(); i++) {
            CallbackFault f = faults.get(i);
            if (f.appliesTo(type)) {
                if (f.times() > 0) {
                    faults.set(i, f.times(f.times() - 1));
                }
                faults.removeIf(x -> x.times() == 0);
                return f;
            }
        }
        return null;
    }

    private void attempt(Pending p, int retries) {
        URI to = url;
        String k = key;
        if (to == null) {
            return;
        }
        int status = 0;
        try {
            byte[] body = p.body().getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(to).timeout(ANSWER_WITHIN)
                    .header("Content-Type", "application/json").header("Sign", CallbackSignature.sign(k, body))
                    .header("SdkAppId", String.valueOf(p.sdkAppId())).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = answer.statusCode();
        } catch (IOException e) {
            LOG.debug("Callback {} for task {}: {}", p.type(), p.taskId(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            Delivery d = deliveries.get(p.id());
            record(p, d == null ? 1 : d.attempts() + 1, status, status == 200 || (d != null && d.delivered()), false);
        }
        if (status == 200) {
            return;
        }
        if (retries == 0) {
            executor.execute(() -> attempt(p, 1));
        } else if (retries <= GIVE_UP_AFTER.dividedBy(RETRY_EVERY)) {
            executor.schedule(() -> attempt(p, retries + 1), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            LOG.info("Callback {} for task {} given up after {} attempts (last answer {})", p.type(), p.taskId(), retries + 1, status);
        }
    }

    private void record(Pending p, int attempts, int status, boolean delivered, boolean dropped) {
        deliveries.put(p.id(), new Delivery(p.id(), p.type(), p.taskId(), p.body(), attempts, status, delivered, dropped));
        if (deliveries.size() > 10_000) {
            deliveries.remove(deliveries.keySet().iterator().next());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
