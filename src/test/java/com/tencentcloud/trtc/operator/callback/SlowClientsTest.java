package com.tencentcloud.trtc.operator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver stays answerable while clients that send their requests a few bytes at a time hold connections
 * (slowloris): TRTC waits 5 s for an answer, then retries for a minute and gives up (trtc-api §6.9).
 */
class SlowClientsTest {

    static final int SLOW_CLIENTS = 32;
    static final int SILENT_CLIENTS = 16;
    static final int VALID_CALLBACKS = 8;
    static final String KEY = CallbackServerTest.KEY;
    static final long APP = CallbackServerTest.APP;
    static final String TASK = CallbackServerTest.TASK;

    private final List<RecordingCallback> offered = new CopyOnWriteArrayList<>();
    private final List<String> counted = new CopyOnWriteArrayList<>();
    private final ExecutorService slowPool = Executors.newFixedThreadPool(SLOW_CLIENTS);
    private CallbackServer server;

    @BeforeEach
    void setUp() throws Exception {
        Map<String, CallbackTarget> targets = Map.of(TASK, new CallbackTarget("media", "weekly-allhands", APP, KEY));
        server = CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new CallbackReceiver() {
            @Override
            public Optional<CallbackTarget> target(String taskId) {
                return Optional.ofNullable(targets.get(taskId));
            }

            @Override
            public CallbackTarget.Offer offer(CallbackTarget target, RecordingCallback event) {
                offered.add(event);
                return CallbackTarget.Offer.ACCEPTED;
            }
        }, (event, result) -> counted.add(event + " " + result), CallbackServer.DEFAULT_READ_TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        slowPool.shutdownNow();
        server.close();
    }

    @Test
    void validCallbacksAreAnsweredWithinFiveSecondsWhileSlowClientsHoldConnectionsAndTheSlowOnesAreCutOff() throws Exception {
        assertThat(SignedCallbacks.post(server.port(), KEY, APP, CallbackServerTest.vod(TASK)).statusCode())
                .as("one callback first, so that class loading is not timed").isEqualTo(200);
        offered.clear();
        CountDownLatch connected = new CountDownLatch(SLOW_CLIENTS);
        List<Future<SlowClient.End>> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            boolean inBody = i % 2 == 1;
            slow.add(slowPool.submit(() -> SlowClient.trickle(server.port(), inBody, connected)));
        }
        assertThat(connected.await(10, TimeUnit.SECONDS)).as("every slow client connected and started its request").isTrue();
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < SILENT_CLIENTS; i++) {
            silent.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
        }
        Thread.sleep(300);

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < VALID_CALLBACKS; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = SignedCallbacks.post(server.port(), KEY, APP,
                    CallbackServerTest.vod(TASK).replace("387702299774253219", "38770229977425321" + i));
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(CallbackServer.OK_BODY);
        }
        assertThat(slow).as("the slow clients still held their connections while the valid callbacks were answered")
                .noneMatch(Future::isDone);
        assertThat(millis).as("each valid callback answered within TRTC's 5 s").allMatch(ms -> ms < 5_000);
        assertThat(offered).hasSize(VALID_CALLBACKS);
        for (Socket s : silent) {
            s.close();
        }

        List<SlowClient.End> ends = new ArrayList<>();
        for (Future<SlowClient.End> f : slow) {
            ends.add(f.get(30, TimeUnit.SECONDS));
        }
        double limit = CallbackServer.DEFAULT_READ_TIMEOUT.toMillis() / 1000.0;
        assertThat(ends).as("every slow client is cut off without an answer, soon after the read timeout")
                .allSatisfy(end -> {
                    assertThat(end.answered()).isFalse();
                    assertThat(end.seconds()).isBetween(limit - 0.5, limit + 2.0);
                });
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> counted.stream().filter("unknown timeout"::equals).count() == SLOW_CLIENTS);
        System.out.printf("slow clients: %d trickling and %d silent held connections; %d valid callbacks answered in %s ms (max %d ms);"
                        + " slow ones cut off after %.2f..%.2f s%n", SLOW_CLIENTS, SILENT_CLIENTS, VALID_CALLBACKS, millis,
                millis.stream().mapToLong(Long::longValue).max().orElseThrow(),
                ends.stream().mapToDouble(SlowClient.End::seconds).min().orElseThrow(),
                ends.stream().mapToDouble(SlowClient.End::seconds).max().orElseThrow());
    }
}
