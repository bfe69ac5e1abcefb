package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.api.v1alpha1.AccountReference;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.NamespaceSelector;
import com.tencentcloud.trtc.operator.api.v1alpha1.SecretReference;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccount;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccountSpec;
import com.tencentcloud.trtc.operator.emulator.Action;
import com.tencentcloud.trtc.operator.emulator.CallRecord;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run --accounts}: two teams, each in its own namespace with its own {@code TrtcAccount} (design §12),
 * apply N recordings each at the same moment; the emulator limits each SecretId to the rate limit, as Tencent counts
 * per account. Reports how long all 2N took from the first apply, and from each account's first Create to its last,
 * against one account's floor (N / rate limit): two accounts' bursts should drain side by side, each at its own limit.
 */
final class AccountsBench {

    private static final String PLATFORM = "bench-platform";
    private static final String TEAM_LABEL = "bench.trtc.tencentcloud.com/team";
    private static final List<String> TEAMS = List.of("a", "b");
    private static final String SECRET_KEY_PREFIX = "bench-account-secret-key-";

    private AccountsBench() {
    }

    record Options(int perAccount, BenchCluster.Kind kind, double rate, Path jar) {
        static Options parse(String[] args) {
            int perAccount = 300;
            BenchCluster.Kind kind = BenchCluster.Kind.MOCK;
            double rate = 20;
            Path jar = Path.of("target", "trtc-recording-operator.jar");
            List<String> list = Arrays.asList(args);
            for (int i = 0; i < list.size(); i++) {
                switch (list.get(i)) {
                    case "--accounts" -> {
                    }
                    case "--resources" -> perAccount = Integer.parseInt(list.get(++i));
                    case "--real-api-server" -> kind = BenchCluster.Kind.REAL;
                    case "--rate-limit" -> rate = Double.parseDouble(list.get(++i));
                    case "--jar" -> jar = Path.of(list.get(++i));
                    default -> throw new IllegalArgumentException("unknown option " + list.get(i) + " for --accounts; use"
                            + " --resources N (per account), --real-api-server, --rate-limit R, --jar PATH");
                }
            }
            return new Options(perAccount, kind, rate, jar);
        }
    }

    static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Benchmark.warmEmulatorCode();
        TrtcEmulator.Builder builder = Benchmark.emulator(2 * o.perAccount()).rateLimitPerSecond((int) Math.round(o.rate()));
        TEAMS.forEach(team -> builder.credential(secretId(team), SECRET_KEY_PREFIX + team));
        try (TrtcEmulator emulator = builder.build().start();
             BenchCluster cluster = BenchCluster.start(o.kind())) {
            KubernetesClient client = cluster.client();
            try (InputStream crd = new FileInputStream("crds/trtcaccounts.trtc.tencentcloud.com-v1.yml")) {
                client.apiextensions().v1().customResourceDefinitions().load(crd).createOr(r -> r.update());
            }
            List<String> watched = new ArrayList<>(List.of(PLATFORM));
            client.resource(new NamespaceBuilder().withNewMetadata().withName(PLATFORM).endMetadata().build()).createOr(r -> r.update());
            for (String team : TEAMS) {
                client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace(team))
                        .addToLabels(TEAM_LABEL, team).endMetadata().build()).createOr(r -> r.update());
                watched.add(namespace(team));
                client.resource(new SecretBuilder().withNewMetadata().withName("account-" + team).withNamespace(PLATFORM).endMetadata()
                        .withStringData(Map.of("secretId", secretId(team), "secretKey", SECRET_KEY_PREFIX + team,
                                "sdkSecretKey", Benchmark.SDK_SECRET_KEY)).build()).createOr(r -> r.update());
                TrtcAccount account = new TrtcAccount();
                account.getMetadata().setName(account(team));
                TrtcAccountSpec spec = new TrtcAccountSpec();
                spec.setCredentialsSecretRef(new SecretReference(PLATFORM, "account-" + team));
                spec.setNamespaceSelector(new NamespaceSelector(Map.of(TEAM_LABEL, team), null));
                spec.setRateLimit((int) Math.round(o.rate()));
                spec.setMaxConcurrentTasks(OperatorProcess.NO_TASK_LIMIT);
                account.setSpec(spec);
                client.resource(account).createOr(r -> r.update());
            }
            try (OperatorProcess operator = OperatorProcess.start(o.jar(), cluster, emulator.baseUrl(), o.rate(),
                    String.join(",", watched), List.of())) {
                long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!TEAMS.stream().allMatch(team -> accountReady(client, account(team))) && System.nanoTime() < ready) {
                    Thread.sleep(200);
                }
                System.out.printf("operator ready after %d ms, accounts ready; applying %d recordings for each of %d accounts%n",
                        operator.startupMillis(), o.perAccount(), TEAMS.size());
                Instant applied = Instant.now();
                ExecutorService pool = Executors.newFixedThreadPool(16);
                for (int i = 0; i < o.perAccount(); i++) {
                    for (int t = 0; t < TEAMS.size(); t++) {
                        String team = TEAMS.get(t);
                        CloudRecording r = Burst.recording(namespace(team), "acct-%s-%05d".formatted(team, i), 40_000 + 10_000L * t + i);
                        r.getSpec().setCredentialsSecretRef(null);
                        r.getSpec().setAccountRef(new AccountReference(account(team)));
                        pool.submit(() -> client.resource(r).create());
                    }
                }
                pool.shutdown();
                pool.awaitTermination(10, TimeUnit.MINUTES);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
                while (okCreates(emulator).size() < 2L * o.perAccount() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                List<CallRecord> creates = okCreates(emulator);
                Instant last = creates.stream().map(CallRecord::at).max(Instant::compareTo).orElseThrow();
                double floor = o.perAccount() / o.rate();
                double all = Duration.between(applied, last).toMillis() / 1000.0;
                long limited = emulator.calls().stream().filter(c -> c.outcome().startsWith("RequestLimitExceeded")).count();
                StringBuilder out = new StringBuilder();
                out.append(String.format("accounts: %d accounts x %d recordings, rate limit %.0f/s per account, %s API%n",
                        TEAMS.size(), o.perAccount(), o.rate(), cluster.kind()));
                out.append(String.format("  all %d created %.1f s after the first apply; one account's floor %.1f s (%.2fx)%n",
                        creates.size(), all, floor, all / floor));
                for (String team : TEAMS) {
                    List<Instant> own = creates.stream().filter(c -> secretId(team).equals(c.secretId())).map(CallRecord::at).sorted().toList();
                    out.append(String.format("  account %s: first Create %.1f s after the first apply, first to last %.1f s (%.2fx);"
                                    + " Creates per 5 s: %s%n", team, Duration.between(applied, own.get(0)).toMillis() / 1000.0,
                            Duration.between(own.get(0), own.get(own.size() - 1)).toMillis() / 1000.0,
                            Duration.between(own.get(0), own.get(own.size() - 1)).toMillis() / 1000.0 / floor,
                            Burst.perWindow(applied, own, Duration.ofSeconds(5))));
                }
                out.append(String.format("  Creates sent %d (%d answered RequestLimitExceeded)%n", emulator.callCount(Action.CREATE), limited));
                out.append(String.format("  load average: %s%n", Benchmark.loadAverage()));
                System.out.print(out);
                Files.writeString(Path.of("target", "bench", "accounts.txt"), out.toString());
                System.out.println("  written to target/bench/accounts.txt; operator log in target/bench/operator.log");
            }
        }
        System.exit(0);
    }

    private static List<CallRecord> okCreates(TrtcEmulator emulator) {
        return emulator.calls().stream().filter(c -> Action.CREATE.wireName().equals(c.action()) && "OK".equals(c.outcome())).toList();
    }

    private static boolean accountReady(KubernetesClient client, String name) {
        TrtcAccount a = client.resources(TrtcAccount.class).withName(name).get();
        return a != null && a.getStatus() != null && Conditions.isTrue(a.getStatus().getConditions(), Conditions.READY);
    }

    private static String namespace(String team) {
        return "bench-team-" + team;
    }

    private static String account(String team) {
        return "bench-" + team;
    }

    private static String secretId(String team) {
        return ("AKIDbenchaccount" + team + "0000000000000000000").substring(0, 36);
    }
}
