package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.emulator.Action;
import com.tencentcloud.trtc.operator.emulator.TaskSnapshot;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.trtc.TrtcRateLimiter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run --quota}: N recordings applied at once behind a limit of L live tasks per SdkAppId (design §11),
 * while each task ends at a random time (its room dismissed, a 302 to the operator's callback receiver).
 *
 * <p>Reports, for every slot freed while recordings waited, the time from the end of a task to the next successful
 * Create (the k-th end frees the slot of the (L+k)-th Create); the Creates TRTC refused as over the limit (the
 * emulator holds at most L live tasks); the most live tasks seen at once; and the time until all N have started
 * against the limit's own floor: the start of the N-th task if every freed slot were refilled at the instant it
 * freed, with the same task lives, and the first L started at once.
 */
final class QuotaBench {

    private QuotaBench() {
    }

    record Options(int resources, int limit, BenchCluster.Kind kind, double rate, Path jar, long minLifeMs, long maxLifeMs,
                   long seed) {
        static Options parse(String[] args) {
            int resources = 1000;
            int limit = 100;
            BenchCluster.Kind kind = BenchCluster.Kind.MOCK;
            double rate = 20;
            Path jar = Path.of("target", "trtc-recording-operator.jar");
            long minLife = 4_000;
            long maxLife = 12_000;
            long seed = 18;
            List<String> list = Arrays.asList(args);
            for (int i = 0; i < list.size(); i++) {
                switch (list.get(i)) {
                    case "--quota" -> {
                    }
                    case "--resources" -> resources = Integer.parseInt(list.get(++i));
                    case "--limit" -> limit = Integer.parseInt(list.get(++i));
                    case "--real-api-server" -> kind = BenchCluster.Kind.REAL;
                    case "--rate-limit" -> rate = Double.parseDouble(list.get(++i));
                    case "--jar" -> jar = Path.of(list.get(++i));
                    case "--task-life" -> {
                        String[] range = list.get(++i).split("-");
                        minLife = Long.parseLong(range[0]) * 1000;
                        maxLife = Long.parseLong(range[range.length - 1]) * 1000;
                    }
                    case "--seed" -> seed = Long.parseLong(list.get(++i));
                    default -> throw new IllegalArgumentException("unknown option " + list.get(i) + " for --quota; use"
                            + " --resources N, --limit L, --real-api-server, --rate-limit R, --task-life 4-12 (seconds), --seed S, --jar PATH");
                }
            }
            return new Options(resources, limit, kind, rate, jar, minLife, maxLife, seed);
        }
    }

    static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Benchmark.warmEmulatorCode();
        int callbackPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            callbackPort = socket.getLocalPort();
        }
        Random random = new Random(o.seed());
        Map<String, Long> lives = new ConcurrentHashMap<>();
        List<Instant> ends = new CopyOnWriteArrayList<>();
        ScheduledExecutorService ender = Executors.newScheduledThreadPool(2);
        try (TrtcEmulator emulator = Benchmark.emulator(o.resources()).maxLiveTasksPerApp(o.limit()).build().start();
             BenchCluster cluster = BenchCluster.start(o.kind());
             OperatorProcess operator = OperatorProcess.start(o.jar(), cluster, emulator.baseUrl(), o.rate(),
                     BenchCluster.NAMESPACE, List.of(), Map.of("TRTC_MAX_CONCURRENT_TASKS", String.valueOf(o.limit()),
                             "CALLBACK_PORT", String.valueOf(callbackPort)))) {
            emulator.callbacks().target(URI.create("http://127.0.0.1:" + callbackPort + CallbackServer.PATH), Benchmark.CALLBACK_KEY);
            System.out.printf("operator ready after %d ms; applying %d recordings behind a limit of %d, tasks living %d-%d s%n",
                    operator.startupMillis(), o.resources(), o.limit(), o.minLifeMs() / 1000, o.maxLifeMs() / 1000);
            Set<String> scheduled = ConcurrentHashMap.newKeySet();
            int[] maxLive = new int[1];
            ender.scheduleAtFixedRate(() -> {
                List<TaskSnapshot> tasks = emulator.tasks();
                maxLive[0] = Math.max(maxLive[0], (int) tasks.stream().filter(t -> t.exitedAt() == null).count());
                for (TaskSnapshot t : tasks) {
                    if (t.exitedAt() == null && scheduled.add(t.taskId())) {
                        long life;
                        synchronized (random) {
                            life = o.minLifeMs() + (long) (random.nextDouble() * (o.maxLifeMs() - o.minLifeMs()));
                        }
                        lives.put(t.taskId(), life);
                        long delay = Math.max(0, Duration.between(Instant.now(), t.createdAt().plusMillis(life)).toMillis());
                        ender.schedule(() -> {
                            Instant at = Instant.now();
                            if (emulator.endTask(t.taskId())) {
                                ends.add(at);
                            }
                        }, delay, TimeUnit.MILLISECONDS);
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);

            Instant applied = Instant.now();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            for (int i = 0; i < o.resources(); i++) {
                CloudRecording r = Burst.recording(BenchCluster.NAMESPACE, "quota-%05d".formatted(i), 20_000 + i);
                r.getSpec().getRecordParams().setMaxIdleTime(86_400);
                pool.submit(() -> cluster.client().resource(r).create());
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            Instant placed = null;
            while (emulator.tasks().size() < o.resources() && System.nanoTime() < deadline) {
                if (placed == null && cluster.client().resources(CloudRecording.class).inNamespace(BenchCluster.NAMESPACE)
                        .list().getItems().stream().allMatch(r -> r.getStatus() != null && r.getStatus().getPhase() != null)) {
                    placed = Instant.now();
                }
                Thread.sleep(placed == null ? 1000 : 200);
            }
            List<Instant> creates = emulator.tasks().stream().map(TaskSnapshot::createdAt).sorted().toList();
            Instant lastStart = creates.get(creates.size() - 1);
            List<Instant> endsSorted = new ArrayList<>(ends);
            Collections.sort(endsSorted);
            List<Double> gaps = new ArrayList<>();
            List<Double> gapsAfterWave = new ArrayList<>();
            int early = 0;
            List<Double> beyondPace = new ArrayList<>();
            List<Instant> paced = limiterPace(creates, endsSorted, o.limit(), o.rate());
            for (int k = 0; k < endsSorted.size() && o.limit() + k < creates.size(); k++) {
                double ms = Duration.between(endsSorted.get(k), creates.get(o.limit() + k)).toNanos() / 1e6;
                beyondPace.add(Duration.between(paced.get(o.limit() + k), creates.get(o.limit() + k)).toNanos() / 1e6);
                if (ms < 0) {
                    early++;
                }
                gaps.add(ms);
                if (placed != null && endsSorted.get(k).isAfter(placed)) {
                    gapsAfterWave.add(ms);
                }
            }
            List<Long> livesInOrder = emulator.tasks().stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
                    .map(t -> lives.getOrDefault(t.taskId(), (o.minLifeMs() + o.maxLifeMs()) / 2)).toList();
            double floor = floorSeconds(livesInOrder, o.limit());
            double drain = Duration.between(applied, lastStart).toMillis() / 1000.0;
            long refused = emulator.calls().stream().filter(c -> c.outcome().contains("RestrictedConcurrency")).count();
            String load = Benchmark.loadAverage();
            StringBuilder out = new StringBuilder();
            out.append(String.format("quota: %d recordings, limit %d, rate limit %.0f/s, %s API, tasks living %d-%d s%n",
                    o.resources(), o.limit(), o.rate(), cluster.kind(), o.minLifeMs() / 1000, o.maxLifeMs() / 1000));
            out.append(String.format("  slot freed -> next Create: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d freed slots%n",
                    Benchmark.percentile(gaps, 50), Benchmark.percentile(gaps, 99), Benchmark.percentile(gaps, 100), gaps.size()));
            out.append(String.format("    later than a limiter of %.0f/s with no other delay would have sent it: p50 %.0f ms, p99 %.0f ms,"
                    + " max %.0f ms%n", o.rate(),
                    Benchmark.percentile(beyondPace, 50), Benchmark.percentile(beyondPace, 99), Benchmark.percentile(beyondPace, 100)));
            if (placed != null && !gapsAfterWave.isEmpty()) {
                out.append(String.format("    of those freed after every recording had its first status (%.1f s after the first apply):"
                        + " p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d%n", Duration.between(applied, placed).toMillis() / 1000.0,
                        Benchmark.percentile(gapsAfterWave, 50), Benchmark.percentile(gapsAfterWave, 99),
                        Benchmark.percentile(gapsAfterWave, 100), gapsAfterWave.size()));
            }
            out.append(String.format("  Creates: %d sent, %d refused as over the limit (RestrictedConcurrency), %d before a slot freed%n",
                    emulator.callCount(Action.CREATE), refused, early));
            out.append(String.format("  most live tasks at once (sampled every 20 ms): %d%n", maxLive[0]));
            out.append(String.format("  all %d started after %.1f s; the limit's floor %.1f s (%.2fx)%n",
                    o.resources(), drain, floor, drain / floor));
            out.append(String.format("  load average: %s%n", load));
            System.out.print(out);
            Files.writeString(Path.of("target", "bench", "quota.txt"), out.toString());
            System.out.println("  written to target/bench/quota.txt; operator log in target/bench/operator.log");
        } finally {
            ender.shutdownNow();
        }
        System.exit(0);
    }

    /**
     * When each Create would have gone with nothing but the rate limiter in the way: the first at its real time, the
     * next {@code limit - 1} as soon as the limiter allows, and each later one once its slot freed ({@code ends}, in
     * order) and the limiter allows. The limiter spaces permits by {@code 1/rate} and lets {@code floor(rate)} go per
     * window of {@code floor(rate)/rate} seconds plus {@link TrtcRateLimiter#WINDOW_MARGIN_MILLIS} (design §4), counted here
     * from each paced Create; the operator counts it from each answer, so a few ms per window of what this reports are
     * the limiter's too. The time a real Create came after its paced one is the operator's own delay; paced times follow
     * from each other, not from the real Creates, so one Create held up does not excuse those after it.
     */
    static List<Instant> limiterPace(List<Instant> creates, List<Instant> ends, int limit, double rate) {
        int window = (int) Math.max(1, Math.floor(rate));
        long spacing = (long) (1e9 / rate);
        long windowNanos = (long) (window * 1e9 / rate) + TrtcRateLimiter.WINDOW_MARGIN_MILLIS * 1_000_000;
        List<Instant> paced = new ArrayList<>(creates.size());
        for (int i = 0; i < creates.size(); i++) {
            Instant at = i == 0 ? creates.get(0) : paced.get(i - 1).plusNanos(spacing);
            if (i >= limit && i - limit < ends.size() && ends.get(i - limit).isAfter(at)) {
                at = ends.get(i - limit);
            }
            if (i >= window && paced.get(i - window).plusNanos(windowNanos).isAfter(at)) {
                at = paced.get(i - window).plusNanos(windowNanos);
            }
            paced.add(at);
        }
        return paced;
    }

    /**
     * When the last task could start if every freed slot were refilled at once: the first {@code limit} start at 0,
     * each later one when the earliest running one ends, tasks taken in the order they really started.
     */
    static double floorSeconds(List<Long> livesMs, int limit) {
        PriorityQueue<Long> freeAt = new PriorityQueue<>();
        long start = 0;
        for (long life : livesMs) {
            start = freeAt.size() < limit ? 0 : freeAt.poll();
            freeAt.add(start + life);
        }
        return start / 1000.0;
    }
}
