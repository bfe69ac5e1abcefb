package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.emulator.Action;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.RateLimitedTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcCallListener;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcRateLimiter;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import com.tencentcloud.trtc.operator.trtc.model.CloudVod;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.RecordParams;
import com.tencentcloud.trtc.operator.trtc.model.StorageParams;
import com.tencentcloud.trtc.operator.trtc.model.TencentVod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run}: how fast declared recordings become running tasks, how close a burst drains to the floor
 * the API's rate limit sets, what each recording costs in API calls, and what the operator process costs.
 *
 * <p>Starts the TRTC emulator and a Kubernetes API ({@link BenchCluster}), runs the operator jar as its own
 * process ({@link OperatorProcess}), applies N recordings at once and watches them ({@link Burst}), then makes
 * the same N creates with the TRTC client in a plain paced loop as the baseline.
 */
public final class Benchmark {

    static final long APP = 1400000001L;
    static final String SECRET_ID = "AKIDBENCHMARK000000000000000001";
    static final String SECRET_KEY = "bench-secret-key";
    static final String SDK_SECRET_KEY = "bench-sdk-secret-key";
    static final String CALLBACK_KEY = "bench-callback-key";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--restart")) {
            Restart.main(args);
            return;
        }
        if (Arrays.asList(args).contains("--accounts")) {
            AccountsBench.main(args);
            return;
        }
        if (Arrays.asList(args).contains("--quota")) {
            QuotaBench.main(args);
            return;
        }
        Options options = Options.parse(args);
        warmEmulatorCode();
        try (TrtcEmulator emulator = emulator(options.resources() + options.idle() + 1).build().start();
             BenchCluster cluster = BenchCluster.start(options.kind());
             OperatorProcess operator = OperatorProcess.start(options.jar(), cluster, emulator.baseUrl(), options.rate(),
                     BenchCluster.NAMESPACE + "," + BenchCluster.QUIET_NAMESPACE, options.jvmFlags())) {
            System.out.printf("operator ready after %d ms (%s)%n", operator.startupMillis(), String.join(" ", options.jvmFlags()));
            double readyHeapMb = operator.liveHeapMb();
            double secretsHeapMb = options.secrets() > 0 ? unrelatedSecretsHeapMb(cluster, operator, options.secrets()) : 0;
            List<Double> idle = options.idle() > 0 ? idleLatencies(cluster, options.idle()) : List.of();
            System.out.printf("applying %d recordings at once%n", options.resources());
            double[] plateau = new double[3];
            Burst.Figures burst = new Burst(cluster, emulator).run(options.resources(), options.lifeSeconds(),
                    options.fairness() ? Math.max(1, options.resources() / 15) : 0, () -> {
                        plateau[0] = operator.liveHeapMb();
                        plateau[1] = operator.rssMb();
                        plateau[2] = operator.failed() ? 1 : 0;
                    }, options.delete());
            double rssMb = operator.peakRssMb();
            double heapMb = operator.heapUsedMb();
            OperatorProcess.Gc gc = operator.gc();
            double baseline = options.baseline() ? baselineSeconds(options.resources(), options.rate()) : 0;
            double floor = options.resources() / options.rate();
            long calls = emulator.calls().size();
            BenchResult result = new BenchResult(options.resources(), options.rate(), cluster.kind(),
                    emulator.callCount(Action.CREATE), emulator.callCount(Action.CREATE) / (double) (options.resources() + options.idle() + (options.fairness() ? 1 : 0)),
                    emulator.calls().stream().filter(c -> c.outcome().contains("RequestLimitExceeded")).count(),
                    burst.secondsToAllTasks(), burst.secondsToFirstCreate(), burst.createSpanSeconds(), floor, baseline,
                    burst.secondsToAllTasks() / floor, baseline > 0 ? burst.secondsToAllTasks() / baseline : 0,
                    burst.percentile(50), burst.percentile(95), burst.percentile(99), burst.percentile(100),
                    options.lifeSeconds(), calls / (double) options.resources(),
                    emulator.callCount(Action.DESCRIBE) / (double) options.resources(),
                    rssMb, heapMb, operator.startupMillis(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    percentile(idle, 50), percentile(idle, 99), idle.size(),
                    burst.quietMs(), burst.burstDoneBeforeQuiet(),
                    options.secrets(), secretsHeapMb,
                    plateau[0], plateau[1], (plateau[0] - readyHeapMb) * 1024 * 1024 / options.resources(),
                    gc.fullCollections() - operator.requestedCollections(), OperatorProcess.backToBackFullCollections(java.time.Duration.ofSeconds(2)),
                    gc.gcSeconds(), plateau[2] > 0 || operator.failed(), String.join(" ", options.jvmFlags()), loadAverage());
            System.out.println(result.table());
            result.write(Path.of("target", "bench", "result.json"));
            System.out.println("  written to target/bench/result.json; operator log in target/bench/operator.log, GC log in target/bench/gc.log");
        }
        System.exit(0);
    }

    /**
     * The live heap (after a full collection) the operator gains from {@code count} Secrets of 100 KiB that no
     * recording refers to, in the namespace it watches.
     */
    static double unrelatedSecretsHeapMb(BenchCluster cluster, OperatorProcess operator, int count) throws Exception {
        double before = operator.liveHeapMb();
        String payload = java.util.Base64.getEncoder().encodeToString(new byte[100 * 1024 * 3 / 4 + 1]).substring(0, 100 * 1024);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            String name = "unrelated-%04d".formatted(i);
            pool.submit(() -> cluster.client().resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                    .withName(name).withNamespace(BenchCluster.NAMESPACE).endMetadata()
                    .withData(java.util.Map.of("release", payload)).build()).createOr(r -> r.update()));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        Thread.sleep(10_000);
        double after = operator.liveHeapMb();
        System.out.printf("live heap after GC: %.1f MB before, %.1f MB after %d unrelated Secrets of 100 KiB (+%.1f MB)%n",
                before, after, count, after - before);
        return after - before;
    }

    /** Single applies on a quiet operator, one after another, each timed until a watch shows its TaskId. */
    static List<Double> idleLatencies(BenchCluster cluster, int count) throws Exception {
        List<Double> ms = new ArrayList<>();
        try (TaskWatch watch = new TaskWatch(cluster.client(), BenchCluster.QUIET_NAMESPACE)) {
            for (int i = 0; i < count; i++) {
                ms.add(watch.applyAndTime(Burst.recording(BenchCluster.QUIET_NAMESPACE, "idle-%03d".formatted(i), 5_000 + i), 60));
                Thread.sleep(300);
            }
        }
        System.out.printf("idle apply -> taskId: p50 %.0f ms, p99 %.0f ms over %d single applies%n", percentile(ms, 50), percentile(ms, 99), count);
        System.out.println("  each, in the order applied (ms): " + ms.stream().map(v -> String.valueOf(Math.round(v)))
                .collect(java.util.stream.Collectors.joining(" ")));
        return ms;
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The JVM flags of the image (pom.xml, jib {@code jvmFlags}), as a container would start the operator. */
    static List<String> imageJvmFlags() throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>").matcher(Files.readString(Path.of("pom.xml")));
        List<String> flags = new ArrayList<>();
        while (m.find()) {
            flags.add(m.group(1).trim());
        }
        return flags;
    }

    static TrtcEmulator.Builder emulator(int resources) {
        return TrtcEmulator.builder().credential(SECRET_ID, SECRET_KEY).sdkApp(APP, SDK_SECRET_KEY)
                .maxLiveTasksPerApp(resources * 2 + 10).threads(32);
    }

    /**
     * N creates with our client and the operator's own rate limiter in a plain loop, against a fresh emulator:
     * what a caller with no Kubernetes in the way achieves at the same limit.
     */
    static double baselineSeconds(int resources, double rate) throws Exception {
        try (TrtcEmulator emulator = emulator(resources).build().start()) {
            TrtcClient client = new RateLimitedTrtcClient(new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()),
                    Clock.systemUTC()), new TrtcRateLimiter(rate), TrtcCallListener.NONE);
            CallContext call = new CallContext(new Credentials(SECRET_ID, SECRET_KEY), "ap-guangzhou");
            long start = System.nanoTime();
            for (int i = 0; i < resources; i++) {
                client.createCloudRecording(call, createRequest("bench-baseline-" + i, 20_000 + i));
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * Runs the stand-in's request path in a throwaway instance first, so that the measured one answers the operator's
     * first calls as the service it stands for would, warm, and not while this JVM loads and compiles its classes
     * beside the applies. The measured instance's own call log and counts are untouched.
     */
    static void warmEmulatorCode() throws Exception {
        try (TrtcEmulator scratch = emulator(200).rateLimitPerSecond(1_000).build().start()) {
            TrtcClient client = new HttpTrtcClient(TrtcEndpoint.parse(scratch.baseUrl()), Clock.systemUTC());
            CallContext call = new CallContext(new Credentials(SECRET_ID, SECRET_KEY), "ap-guangzhou");
            for (int i = 0; i < 200; i++) {
                String taskId = client.createCloudRecording(call, createRequest("bench-warm-" + i, 30_000 + i)).taskId();
                client.describeCloudRecording(call, new DescribeCloudRecordingRequest(APP, taskId, null));
            }
        }
    }

    private static CreateCloudRecordingRequest createRequest(String robot, long room) {
        return new CreateCloudRecordingRequest(
                APP, String.valueOf(room), robot,
                UserSig.generate(APP, SDK_SECRET_KEY, robot, 86_400, System.currentTimeMillis() / 1000),
                new RecordParams(2L, null, null, null, null, null, null, null, null, null),
                new StorageParams(
                        null,
                        new CloudVod(new TencentVod(null, null, null, null, null, null, null, null, null))),
                1L, null, null, 72L, null);
    }

    record Options(int resources, BenchCluster.Kind kind, double rate, Path jar, long lifeSeconds, boolean fairness,
                   int secrets, int idle, List<String> jvmFlags, boolean delete, boolean baseline) {
        static Options parse(String[] args) throws java.io.IOException {
            int resources = 1000;
            BenchCluster.Kind kind = BenchCluster.Kind.MOCK;
            double rate = 20;
            Path jar = Path.of("target", "trtc-recording-operator.jar");
            long life = 30;
            boolean fairness = false;
            int secrets = 0;
            int idle = 0;
            String maxRam = null;
            boolean delete = true;
            boolean baseline = true;
            List<String> list = Arrays.asList(args);
            for (int i = 0; i < list.size(); i++) {
                switch (list.get(i)) {
                    case "--resources" -> resources = Integer.parseInt(list.get(++i));
                    case "--cluster" -> kind = BenchCluster.Kind.CLUSTER;
                    case "--real-api-server" -> kind = BenchCluster.Kind.REAL;
                    case "--rate-limit" -> rate = Double.parseDouble(list.get(++i));
                    case "--jar" -> jar = Path.of(list.get(++i));
                    case "--life" -> life = Duration.parse("PT" + list.get(++i).toUpperCase()).toSeconds();
                    case "--fairness" -> fairness = true;
                    case "--secrets" -> secrets = Integer.parseInt(list.get(++i));
                    case "--idle" -> idle = Integer.parseInt(list.get(++i));
                    case "--max-ram" -> maxRam = list.get(++i);
                    case "--no-delete" -> delete = false;
                    case "--no-baseline" -> baseline = false;
                    default -> throw new IllegalArgumentException("unknown option " + list.get(i)
                            + "; use --resources N, --real-api-server, --cluster, --rate-limit R, --life 30s, --fairness,"
                            + " --secrets N, --idle N, --max-ram 256m, --no-delete, --no-baseline, --jar PATH");
                }
            }
            List<String> flags = new ArrayList<>();
            if (maxRam != null) {
                flags.add("-XX:MaxRAM=" + maxRam);
                flags.addAll(imageJvmFlags());
            }
            return new Options(resources, kind, rate, jar, life, fairness, secrets, idle, flags, delete, baseline);
        }
    }
}
