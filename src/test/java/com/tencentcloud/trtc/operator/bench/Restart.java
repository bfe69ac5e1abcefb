package com.tencentcloud.trtc.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.emulator.Action;
import com.tencentcloud.trtc.operator.emulator.CallRecord;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run --restart}: what an operator restart costs when the cluster already holds many recordings.
 *
 * <p>Seeds {@code --live} recordings with running tasks and {@code --finished} ended ones ({@link RestartSeed}),
 * starts the operator jar, lets it settle, ends it with SIGKILL, and starts it again under the same JVM flags. Of
 * the restarted process it reports the time to {@code /readyz} (up to {@link #READY_TIMEOUT}), its peak resident
 * memory until the end of its first minute after ready and its live heap then, whether it died (and of what), every TRTC call of that minute by action with the throttled answers,
 * and the time one new recording, applied in the same namespace one second after ready, takes to its TaskId. With
 * several {@code --jar}s each restarts in turn on the same recordings (before and after a change, seeded once).
 */
final class Restart {

    static final String PROBE = "probe-after-restart";
    /** How long the restarted operator may take to become ready before it counts as never ready. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private Restart() {
    }

    static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf("restart: %d live and %d finished recordings (%d files each), operator %s %s%n",
                o.live(), o.finished(), o.files(), o.jars(), String.join(" ", o.jvmFlags()));
        try (TrtcEmulator emulator = RestartSeed.seedKeys(Benchmark.emulator(o.live() + 10)).build().start();
             BenchCluster cluster = BenchCluster.start(o.kind())) {
            RestartSeed seed = new RestartSeed(cluster.client(), emulator.baseUrl(),
                    o.kind() == BenchCluster.Kind.REAL ? EtcdSeed.ofThisProcess() : java.util.Optional.empty());
            seed.live(o.live());
            seed.finished(o.finished(), o.files(), o.archived());
            awaitServed(cluster, o.live() + o.finished());
            List<Figures> all = new ArrayList<>();
            for (int run = 0; run < o.jars().size(); run++) {
                all.add(restart(o, o.jars().get(run), cluster, emulator, PROBE + (run == 0 ? "" : "-" + (run + 1))));
            }
            Path out = Path.of("target", "bench", "restart.json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), all);
            System.out.println("  written to " + out + "; the last operator's log in target/bench/operator.log, GC log in target/bench/gc.log");
        }
        System.exit(0);
    }

    /** One start, settle and SIGKILL of {@code jar}, then the measured restart. */
    private static Figures restart(Options o, Path jar, BenchCluster cluster, TrtcEmulator emulator, String probeName) throws Exception {
        String loadBefore = Benchmark.loadAverage();
        String namespaces = BenchCluster.NAMESPACE + "," + BenchCluster.QUIET_NAMESPACE;
        OperatorProcess first = OperatorProcess.launch(jar, cluster, emulator.baseUrl(), o.rate(), namespaces, o.jvmFlags());
        long firstReady = first.awaitReady(Duration.ofSeconds(120));
        if (firstReady >= 0) {
            System.out.printf("%s: first process ready after %d ms; settling %d s, then kill -9%n", jar, firstReady, o.settle().toSeconds());
            Thread.sleep(o.settle().toMillis());
        } else {
            System.out.printf("%s: first process not ready (%s after %d ms); kill -9%n", jar,
                    first.alive() ? "still starting" : "exited", first.millisSinceLaunch());
        }
        first.kill9();

        long describesBefore = emulator.callCount(Action.DESCRIBE);
        long createsBefore = emulator.callCount(Action.CREATE);
        long allBefore = allCalls(emulator);
        Instant restartedAt = Instant.now();
        OperatorProcess second = OperatorProcess.launch(jar, cluster, emulator.baseUrl(), o.rate(), namespaces, o.jvmFlags());
        long ready = second.awaitReady(READY_TIMEOUT);
        Instant windowStart = ready >= 0 ? restartedAt.plusMillis(ready) : restartedAt;
        describesBefore = emulator.callCount(Action.DESCRIBE);
        createsBefore = emulator.callCount(Action.CREATE);
        allBefore = allCalls(emulator);
        CompletableFuture<Double> probe = ready >= 0 ? probeAfter(cluster, probeName, Duration.ofSeconds(1)) : CompletableFuture.completedFuture(-1.0);
        long windowEnd = windowStart.plus(o.window()).toEpochMilli();
        while (System.currentTimeMillis() < windowEnd && second.alive()) {
            second.sampleRss();
            Thread.sleep(250);
        }
        long describes = emulator.callCount(Action.DESCRIBE) - describesBefore;
        long creates = emulator.callCount(Action.CREATE) - createsBefore;
        long all = allCalls(emulator) - allBefore;
        double peakRss = second.peakRssMb();
        boolean died = !second.alive();
        long diedAfter = died ? second.millisSinceLaunch() : -1;
        double liveHeap = died ? 0 : second.liveHeapMb();
        if (!died) {
            Path histogram = Path.of("target", "bench", "histogram-" + jar.getFileName() + ".txt");
            second.histogram(histogram);
            System.out.println("  class histogram of the live heap in " + histogram);
        }
        double probeMs = probe.handle((ms, e) -> e == null ? ms : -1.0).get(120, TimeUnit.SECONDS);
        Instant cut = windowStart.plus(o.window());
        List<CallRecord> window = emulator.calls().stream().filter(c -> !c.at().isBefore(windowStart) && c.at().isBefore(cut)).toList();
        Figures f = new Figures(o.live(), o.finished(), o.files(), cluster.kind(), jar.toString(),
                String.join(" ", o.jvmFlags()), firstReady, ready, died, diedAfter, logShowsOom(),
                peakRss, liveHeap, o.window().toSeconds(), all, describes, creates,
                window.stream().filter(c -> c.outcome().contains("RequestLimitExceeded")).count(),
                probeMs, loadBefore, Benchmark.loadAverage());
        System.out.println(f.table());
        second.kill9();
        return f;
    }

    /**
     * Waits until the API server serves the seeded recordings from its watch cache: recordings stored straight into
     * etcd reach it through its etcd watch, and until it has caught up it answers lists with 429 ("storage is
     * (re)initializing"), which JOSDK takes as a failed start.
     */
    private static void awaitServed(BenchCluster cluster, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                var list = cluster.client().resources(CloudRecording.class).inNamespace(BenchCluster.NAMESPACE)
                        .list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion("0").withLimit(1L).build());
                long served = list.getItems().size() + java.util.Optional.ofNullable(list.getMetadata().getRemainingItemCount()).orElse(0L);
                if (served >= count) {
                    System.out.printf("the API server serves all %d recordings%n", count);
                    return;
                }
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                System.out.println("  API server not serving the list yet: " + e.getCode());
            }
            Thread.sleep(2000);
        }
        System.out.println("the API server did not serve all recordings within 5 minutes; starting anyway");
    }

    private static long allCalls(TrtcEmulator emulator) {
        return java.util.Arrays.stream(Action.values()).mapToLong(emulator::callCount).sum();
    }

    private static boolean logShowsOom() {
        try {
            return java.nio.file.Files.readString(Path.of("target", "bench", "operator.log")).contains("OutOfMemoryError");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Applies the probe recording after {@code delay} and completes with the milliseconds until a watch shows its TaskId. */
    private static CompletableFuture<Double> probeAfter(BenchCluster cluster, String name, Duration delay) {
        return CompletableFuture.supplyAsync(() -> {
            CompletableFuture<Long> seen = new CompletableFuture<>();
            try (SharedIndexInformer<CloudRecording> informer = cluster.client().resources(CloudRecording.class)
                    .inNamespace(BenchCluster.NAMESPACE).withName(name).inform(new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(CloudRecording r) {
                            check(r);
                        }

                        @Override
                        public void onUpdate(CloudRecording before, CloudRecording r) {
                            check(r);
                        }

                        @Override
                        public void onDelete(CloudRecording r, boolean unknown) {
                        }

                        private void check(CloudRecording r) {
                            if (r.getStatus() != null && r.getStatus().getTaskId() != null) {
                                seen.complete(System.nanoTime());
                            }
                        }
                    })) {
                Thread.sleep(delay.toMillis());
                long start = System.nanoTime();
                cluster.client().resource(Burst.recording(BenchCluster.NAMESPACE, name, 900_000 + Math.abs(name.hashCode() % 10_000))).create();
                return (seen.get(110, TimeUnit.SECONDS) - start) / 1e6;
            } catch (Exception e) {
                throw new IllegalStateException("the probe recording got no TaskId: " + e, e);
            }
        });
    }

    /** The figures of one restart, as printed and as written to {@code target/bench/restart.json}. */
    record Figures(int live, int finished, int filesPerFinished, String apiServer, String jar, String jvmFlags,
                   long firstStartReadyMs, long readyMs, boolean died, long diedAfterMs, boolean outOfMemory,
                   double peakRssMb, double liveHeapMb, long windowSeconds, long trtcCalls, long describes,
                   long creates, long throttled, double probeToTaskIdMs, String loadBefore, String loadAfter) {

        String table() {
            return String.join(System.lineSeparator(),
                    "",
                    "restart with %,d live and %,d finished recordings (%s)".formatted(live, finished, apiServer),
                    "  JVM flags                          %s".formatted(jvmFlags.isEmpty() ? "(none)" : jvmFlags),
                    "  first start: ready after           %s".formatted(firstStartReadyMs >= 0 ? firstStartReadyMs + " ms" : "never (killed)"),
                    "  restart: ready after               %s".formatted(readyMs >= 0 ? readyMs + " ms" : "never"),
                    "  died                               %s".formatted(died ? "yes, after " + diedAfterMs + " ms" + (outOfMemory ? " (OutOfMemoryError)" : "") : "no"),
                    "  peak RSS                           %.1f MB".formatted(peakRssMb),
                    "  live heap, %3d s after ready        %s".formatted(windowSeconds, died ? "-" : "%.1f MB".formatted(liveHeapMb)),
                    "  TRTC calls, first %d s after ready  %d (Describe %d, Create %d), throttled %d".formatted(windowSeconds, trtcCalls, describes, creates, throttled),
                    "  new apply -> taskId during wave    %s".formatted(probeToTaskIdMs >= 0 ? "%.0f ms".formatted(probeToTaskIdMs) : "-"),
                    "  load average before / after        %s / %s".formatted(loadBefore, loadAfter));
        }
    }

    record Options(int live, int finished, int files, BenchCluster.Kind kind, double rate, List<Path> jars, List<String> jvmFlags,
                   Duration settle, Duration window, boolean archived) {
        static Options parse(String[] args) throws java.io.IOException {
            int live = 10_000;
            int finished = 0;
            int files = 10;
            BenchCluster.Kind kind = BenchCluster.Kind.MOCK;
            double rate = 20;
            List<Path> jars = new ArrayList<>();
            String maxRam = "256m";
            Duration settle = Duration.ofSeconds(20);
            boolean archived = false;
            List<String> list = Arrays.asList(args);
            for (int i = 0; i < list.size(); i++) {
                switch (list.get(i)) {
                    case "--restart" -> {
                    }
                    case "--live" -> live = Integer.parseInt(list.get(++i));
                    case "--finished" -> finished = Integer.parseInt(list.get(++i));
                    case "--files" -> files = Integer.parseInt(list.get(++i));
                    case "--archived" -> archived = true;
                    case "--real-api-server" -> kind = BenchCluster.Kind.REAL;
                    case "--cluster" -> kind = BenchCluster.Kind.CLUSTER;
                    case "--rate-limit" -> rate = Double.parseDouble(list.get(++i));
                    case "--jar" -> jars.add(Path.of(list.get(++i)));
                    case "--max-ram" -> maxRam = list.get(++i);
                    case "--settle" -> settle = Duration.parse("PT" + list.get(++i).toUpperCase());
                    default -> throw new IllegalArgumentException("unknown option " + list.get(i)
                            + "; with --restart use --live N, --finished N, --files N, --archived, --real-api-server, --cluster,"
                            + " --rate-limit R, --max-ram 256m, --settle 20s, --jar PATH (repeatable: each jar restarts on the same recordings)");
                }
            }
            List<String> flags = new ArrayList<>();
            flags.add("-XX:MaxRAM=" + maxRam);
            flags.addAll(Benchmark.imageJvmFlags());
            if (jars.isEmpty()) {
                jars.add(Path.of("target", "trtc-recording-operator.jar"));
            }
            return new Options(live, finished, files, kind, rate, jars, flags, settle, Duration.ofSeconds(60), archived);
        }
    }
}
