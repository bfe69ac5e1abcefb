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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operator jar running as its own process, as in production, with its start-up time and memory. */
final class OperatorProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final long startupMillis;
    private volatile long peakRssKb;

    private OperatorProcess(Process process, long startupMillis) {
        this.process = process;
        this.startupMillis = startupMillis;
    }

    static OperatorProcess start(Path jar, BenchCluster cluster, String trtcEndpoint, double rate) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build it with mvn -B -DskipTests package");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "bench", "operator.log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KUBECONFIG", cluster.kubeconfig().toAbsolutePath().toString());
        env.put("TRTC_ENDPOINT", trtcEndpoint);
        env.put("TRTC_RATE_LIMIT", String.valueOf(rate));
        env.put("WATCH_NAMESPACES", BenchCluster.NAMESPACE);
        env.put("METRICS_PORT", String.valueOf(port));
        env.put("SERVER_SIDE_APPLY", String.valueOf(cluster.serverSideApply()));
        env.put("LOG_LEVEL", "WARN");
        env.remove("TENCENTCLOUD_SECRET_ID");
        env.remove("TENCENTCLOUD_SECRET_KEY");
        long start = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(1)).build();
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("operator exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    OperatorProcess running = new OperatorProcess(process, (System.nanoTime() - start) / 1_000_000);
                    running.sampleRss();
                    return running;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("operator not ready within 120 s; see " + log);
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
