package com.tencentcloud.trtc.operator.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operator jar running as its own process, as in production, with its start-up time and memory. */
final class OperatorProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Path LOG = Path.of("target", "bench", "operator.log");

    private final Process process;
    private final int port;
    private final long launchedNanos;
    private long startupMillis;
    private volatile long peakRssKb;
    private int requested;

    private OperatorProcess(Process process, int port, long launchedNanos) {
        this.process = process;
        this.port = port;
        this.launchedNanos = launchedNanos;
    }

    /** A limit of live tasks per SdkAppId that the bursts of the other scenarios never reach. */
    static final int NO_TASK_LIMIT = 100_000;

    static OperatorProcess start(Path jar, BenchCluster cluster, String trtcEndpoint, double rate, String namespaces,
                                 List<String> jvmFlags) throws Exception {
        return start(jar, cluster, trtcEndpoint, rate, namespaces, jvmFlags,
                Map.of("TRTC_MAX_CONCURRENT_TASKS", String.valueOf(NO_TASK_LIMIT)));
    }

    /** The operator with further environment variables {@code extraEnv} (a scenario's limit, its callback port). */
    static OperatorProcess start(Path jar, BenchCluster cluster, String trtcEndpoint, double rate, String namespaces,
                                 List<String> jvmFlags, Map<String, String> extraEnv) throws Exception {
        OperatorProcess running = launch(jar, cluster, trtcEndpoint, rate, namespaces, jvmFlags, extraEnv);
        if (running.awaitReady(Duration.ofSeconds(120)) < 0) {
            running.process.destroyForcibly();
            if (!running.process.isAlive()) {
                throw new IllegalStateException("operator exited with " + running.process.waitFor() + "; see " + LOG);
            }
            throw new IllegalStateException("operator not ready within 120 s; see " + LOG);
        }
        return running;
    }

    /** Starts the jar, with no task limit the scenario could reach, without waiting for it; {@link #awaitReady} waits. */
    static OperatorProcess launch(Path jar, BenchCluster cluster, String trtcEndpoint, double rate, String namespaces,
                                  List<String> jvmFlags) throws IOException {
        return launch(jar, cluster, trtcEndpoint, rate, namespaces, jvmFlags,
                Map.of("TRTC_MAX_CONCURRENT_TASKS", String.valueOf(NO_TASK_LIMIT)));
    }

    /** Starts the jar with further environment variables {@code extraEnv}, without waiting for it. */
    static OperatorProcess launch(Path jar, BenchCluster cluster, String trtcEndpoint, double rate, String namespaces,
                                  List<String> jvmFlags, Map<String, String> extraEnv) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build it with mvn -B -DskipTests package");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmFlags);
        command.add("-Xlog:gc:file=" + Path.of("target", "bench", "gc.log"));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(LOG.toFile());
        Map<String, String> env = builder.environment();
        env.put("KUBECONFIG", cluster.kubeconfig().toAbsolutePath().toString());
        env.put("TRTC_ENDPOINT", trtcEndpoint);
        env.put("TRTC_RATE_LIMIT", String.valueOf(rate));
        env.put("WATCH_NAMESPACES", namespaces);
        env.put("METRICS_PORT", String.valueOf(port));
        env.put("METRICS_BIND_ADDRESS", "127.0.0.1");
        env.put("SERVER_SIDE_APPLY", String.valueOf(cluster.serverSideApply()));
        env.put("LOG_LEVEL", "WARN");
        if (!jvmFlags.isEmpty()) {
            env.put("MALLOC_ARENA_MAX", "2");
        }
        env.putAll(extraEnv);
        env.remove("TENCENTCLOUD_SECRET_ID");
        env.remove("TENCENTCLOUD_SECRET_KEY");
        long start = System.nanoTime();
        return new OperatorProcess(builder.start(), port, start);
    }

    /**
     * Waits until {@code /readyz} answers 200, sampling the resident memory meanwhile; returns the milliseconds from
     * the launch to ready, or -1 when the process exited or {@code timeout} passed first.
     */
    long awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(1)).build();
        long deadline = launchedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            sampleRss();
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startupMillis = (System.nanoTime() - launchedNanos) / 1_000_000;
                    sampleRss();
                    return startupMillis;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return -1;
    }

    /** Whether the process still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /** Milliseconds since the launch. */
    long millisSinceLaunch() {
        return (System.nanoTime() - launchedNanos) / 1_000_000;
    }

    /** Ends the process with SIGKILL, as a node drain or an OOM kill would, and waits for it. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    long startupMillis() {
        return startupMillis;
    }

    /** Records the process's high-water mark of resident memory (VmHWM), read from /proc. */
    void sampleRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException e) {
            peakRssKb = Math.max(peakRssKb, 0);
        }
    }

    double peakRssMb() {
        sampleRss();
        return peakRssKb / 1024.0;
    }

    /** Heap in use now, from {@code jcmd <pid> GC.heap_info}; 0 when jcmd is not available. */
    double heapUsedMb() {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(10, TimeUnit.SECONDS);
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    /** Heap and collector figures of the JVM, from {@code jstat -gc}. */
    record Gc(double heapUsedMb, long youngCollections, long fullCollections, double gcSeconds) {
    }

    /** The operator's heap and collector figures now; heap 0 and counts -1 when jstat is not available. */
    Gc gc() {
        try {
            Process jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(process.pid())).redirectErrorStream(true).start();
            List<String> lines = new String(jstat.getInputStream().readAllBytes()).lines().toList();
            jstat.waitFor(10, TimeUnit.SECONDS);
            List<String> names = List.of(lines.get(0).trim().split("\\s+"));
            List<String> values = List.of(lines.get(1).trim().split("\\s+"));
            java.util.function.ToDoubleFunction<String> v = n -> Double.parseDouble(values.get(names.indexOf(n)));
            double usedKb = v.applyAsDouble("S0U") + v.applyAsDouble("S1U") + v.applyAsDouble("EU") + v.applyAsDouble("OU");
            return new Gc(usedKb / 1024, (long) v.applyAsDouble("YGC"), (long) v.applyAsDouble("FGC"), v.applyAsDouble("GCT"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new Gc(0, -1, -1, 0);
        }
    }

    /**
     * The heap still in use after a full collection ({@code jcmd GC.run}), in MB: what the operator holds. The
     * collection it asks for is counted in {@link #requestedCollections()}.
     */
    double liveHeapMb() {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.run").redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            jcmd.waitFor(60, TimeUnit.SECONDS);
            requested++;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
        return gc().heapUsedMb();
    }

    /** Writes the live objects by class ({@code jcmd GC.class_histogram}, which collects first) to {@code file}. */
    void histogram(Path file) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            jcmd.waitFor(60, TimeUnit.SECONDS);
            requested++;
        } catch (IOException | InterruptedException e) {
            System.out.println("no class histogram: " + e);
        }
    }

    /** How many full collections {@link #liveHeapMb()} asked for. */
    int requestedCollections() {
        return requested;
    }

    /** Resident memory now (VmRSS), in MB. */
    double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Whether the operator died or logged an OutOfMemoryError. */
    boolean failed() {
        try {
            return !process.isAlive() || Files.readString(Path.of("target", "bench", "operator.log")).contains("OutOfMemoryError");
        } catch (IOException e) {
            return !process.isAlive();
        }
    }

    /** The longest run of full collections in the GC log with less than {@code gap} between their starts. */
    static int backToBackFullCollections(java.time.Duration gap) {
        try {
            List<Double> starts = Files.readAllLines(Path.of("target", "bench", "gc.log")).stream()
                    .filter(l -> l.contains("Pause Full") && !l.contains("System.gc()") && !l.contains("Diagnostic Command"))
                    .map(l -> Double.parseDouble(l.substring(l.indexOf('[') + 1, l.indexOf("s]"))))
                    .toList();
            int longest = starts.isEmpty() ? 0 : 1;
            int run = 1;
            for (int i = 1; i < starts.size(); i++) {
                run = starts.get(i) - starts.get(i - 1) < gap.toMillis() / 1000.0 ? run + 1 : 1;
                longest = Math.max(longest, run);
            }
            return longest;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
