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
import com.tencentcloud.trtc.operator.trtc.model.RecordParams;
import com.tencentcloud.trtc.operator.trtc.model.StorageParams;
import com.tencentcloud.trtc.operator.trtc.model.TencentVod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try (TrtcEmulator emulator = emulator(options.resources()).build().start();
             BenchCluster cluster = BenchCluster.start(options.useCluster());
             OperatorProcess operator = OperatorProcess.start(options.jar(), cluster, emulator.baseUrl(), options.rate())) {
            System.out.printf("operator ready after %d ms; applying %d recordings at once%n", operator.startupMillis(), options.resources());
            Burst.Figures burst = new Burst(cluster, emulator).run(options.resources(), options.lifeSeconds());
            double rssMb = operator.peakRssMb();
            double heapMb = operator.heapUsedMb();
            double baseline = baselineSeconds(options.resources(), options.rate());
            double floor = options.resources() / options.rate();
            long calls = emulator.calls().size();
            BenchResult result = new BenchResult(options.resources(), options.rate(), cluster.kind(),
                    emulator.callCount(Action.CREATE), emulator.callCount(Action.CREATE) / (double) options.resources(),
                    emulator.calls().stream().filter(c -> c.outcome().contains("RequestLimitExceeded")).count(),
                    burst.secondsToAllTasks(), burst.secondsToFirstCreate(), burst.createSpanSeconds(), floor, baseline, burst.secondsToAllTasks() / floor, burst.secondsToAllTasks() / baseline,
                    burst.percentile(50), burst.percentile(95), burst.percentile(99), burst.percentile(100),
                    options.lifeSeconds(), calls / (double) options.resources(),
                    emulator.callCount(Action.DESCRIBE) / (double) options.resources(),
                    rssMb, heapMb, operator.startupMillis(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.println(result.table());
            result.write(Path.of("target", "bench", "result.json"));
            System.out.println("  written to target/bench/result.json; operator log in target/bench/operator.log");
        }
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
                String robot = "bench-baseline-" + i;
                client.createCloudRecording(call, new CreateCloudRecordingRequest(
                        APP, String.valueOf(20_000 + i), robot,
                        UserSig.generate(APP, SDK_SECRET_KEY, robot, 86_400, System.currentTimeMillis() / 1000),
                        new RecordParams(2L, null, null, null, null, null, null, null, null, null),
                        new StorageParams(
                                null,
                                new CloudVod(new TencentVod(null, null, null, null, null, null, null, null, null))),
                        1L, null, null, 72L, null));
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    record Options(int resources, boolean useCluster, double rate, Path jar, long lifeSeconds) {
        static Options parse(String[] args) {
            int resources = 1000;
            boolean cluster = false;
            double rate = 20;
            Path jar = Path.of("target", "trtc-recording-operator.jar");
            long life = 30;
            List<String> list = Arrays.asList(args);
            for (int i = 0; i < list.size(); i++) {
                switch (list.get(i)) {
                    case "--resources" -> resources = Integer.parseInt(list.get(++i));
                    case "--cluster" -> cluster = true;
                    case "--rate-limit" -> rate = Double.parseDouble(list.get(++i));
                    case "--jar" -> jar = Path.of(list.get(++i));
                    case "--life" -> life = Duration.parse("PT" + list.get(++i).toUpperCase()).toSeconds();
                    default -> throw new IllegalArgumentException("unknown option " + list.get(i)
                            + "; use --resources N, --cluster, --rate-limit R, --life 30s, --jar PATH");
                }
            }
            return new Options(resources, cluster, rate, jar, life);
        }
    }
}
