package com.tencentcloud.trtc.operator.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.AccountReference;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.NamespaceSelector;
import com.tencentcloud.trtc.operator.api.v1alpha1.SecretReference;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccount;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccountSpec;
import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.emulator.Action;
import com.tencentcloud.trtc.operator.emulator.CallRecord;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.reconciler.CloudRecordingReconciler;
import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TrtcAccounts on a real API server (design §12), with the whole operator (server-side apply on, as in production)
 * against the in-process TRTC emulator, which limits every SecretId to 20 requests per second per action as Tencent
 * does. A platform namespace holds the accounts' Secrets; team namespaces are allowed by a label.
 */
@ExtendWith(RealApiServer.class)
class AccountsIT {

    private static final String TEAM_LABEL = "trtc.example.com/team";
    private static final Credentials KEY_A = new Credentials("AKIDaccountA00000000000000000000001", "account-a-secret-key-000000000001");
    private static final Credentials KEY_B = new Credentials("AKIDaccountB00000000000000000000002", "account-b-secret-key-000000000002");
    private static final long SDK_APP_ID = 1400000001L;

    static KubernetesClient client;

    private TrtcEmulator emulator;
    private OperatorAssembly operator;
    private KubernetesClient operatorClient;
    private String platform;
    private String suffix;

    private record Credentials(String secretId, String secretKey) {
    }

    @BeforeAll
    static void installCrds() {
        RealApiServer.installCrds();
        client = RealApiServer.client();
    }

    @BeforeEach
    void platform() {
        emulator = TrtcEmulator.builder().credential(KEY_A.secretId(), KEY_A.secretKey())
                .credential(KEY_B.secretId(), KEY_B.secretKey()).rateLimitPerSecond(20).maxLiveTasksPerApp(10_000)
                .build().start();
        platform = RealApiServer.newNamespace("platform");
        suffix = platform.substring("platform".length());
    }

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
        if (operatorClient != null) {
            operatorClient.close();
        }
        emulator.close();
    }

    /** Above the drain's 300 live tasks per account, so that the quota (design §11), read from the account, never queues them. */
    private static final int ACCOUNT_TASK_LIMIT = 1_000;

    @Test
    void twoAccountsDrainTwoBurstsInParallelEachAtItsOwnLimit() throws Exception {
        int perAccount = 300;
        String teamA = team("burst-a", "a");
        String teamB = team("burst-b", "b");
        String accountA = account("a", KEY_A, Map.of(TEAM_LABEL, "a"));
        String accountB = account("b", KEY_B, Map.of(TEAM_LABEL, "b"));
        ExecutorService appliers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> applied = new ArrayList<>();
            for (int i = 0; i < perAccount; i++) {
                int n = i;
                applied.add(appliers.submit(() -> client.resource(recording(teamA, "a-" + n, accountA, 20_000 + n)).create()));
                applied.add(appliers.submit(() -> client.resource(recording(teamB, "b-" + n, accountB, 30_000 + n)).create()));
            }
            for (Future<?> f : applied) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            appliers.shutdown();
        }
        startOperator(teamA, teamB);

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> withTaskId(teamA) + withTaskId(teamB) == 2 * perAccount);

        List<CallRecord> creates = emulator.calls().stream().filter(c -> Action.CREATE.wireName().equals(c.action())).toList();
        Map<String, List<CallRecord>> bySecretId = creates.stream().collect(Collectors.groupingBy(CallRecord::secretId));
        double floor = perAccount / 20.0;
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double all = seconds(creates);
        double a = seconds(bySecretId.get(KEY_A.secretId()));
        double b = seconds(bySecretId.get(KEY_B.secretId()));
        System.out.printf("two accounts, %d creates each: %.1f s from the first Create to the last (account a %.1f s,"
                        + " account b %.1f s); per-account floor %.1f s, %.2fx; RequestLimitExceeded %d; load average %.1f%n",
                perAccount, all, a, b, floor, all / floor, limited(creates), load);
        Instant start = creates.stream().map(CallRecord::at).min(Instant::compareTo).orElseThrow();
        System.out.println("creates per second by account: " + new java.util.TreeMap<>(creates.stream().collect(Collectors.groupingBy(
                c -> Duration.between(start, c.at()).toSeconds() + (c.secretId().equals(KEY_A.secretId()) ? "a" : "b"), Collectors.counting()))));
        System.out.println("create outcomes: " + creates.stream().collect(Collectors.groupingBy(CallRecord::outcome, Collectors.counting())));
        assertThat(limited(emulator.calls())).as("answers of RequestLimitExceeded").isZero();
        assertThat(bySecretId.get(KEY_A.secretId()).stream().filter(c -> c.outcome().equals("OK"))).hasSize(perAccount);
        assertThat(bySecretId.get(KEY_B.secretId()).stream().filter(c -> c.outcome().equals("OK"))).hasSize(perAccount);
    }

    @Test
    void aNamespaceTheSelectorDoesNotMatchIsStalledWithoutACallUntilItIsLabelled() throws Exception {
        String insider = team("insider", "a");
        String outsider = RealApiServer.newNamespace("outsider");
        String account = account("a", KEY_A, Map.of(TEAM_LABEL, "a"));
        startOperator(insider, outsider);
        client.resource(recording(outsider, "outside", account, 40_001)).create();

        Condition stalled = awaitCondition(outsider, "outside", Conditions.STALLED,
                c -> "True".equals(c.getStatus()) && AccountDirectory.REASON_NOT_ALLOWED.equals(c.getReason()));
        assertThat(stalled.getMessage()).contains(account).contains(outsider).doesNotContain(KEY_A.secretKey());
        Thread.sleep(2_000);
        assertThat(emulator.calls()).as("no call for a namespace the account does not allow").isEmpty();

        client.namespaces().withName(outsider).edit(n -> new NamespaceBuilder(n).editMetadata()
                .addToLabels(TEAM_LABEL, "a").endMetadata().build());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> taskId(outsider, "outside") != null);
        assertThat(emulator.callCount(Action.CREATE)).isEqualTo(1);
        assertThat(emulator.calls()).allMatch(c -> KEY_A.secretId().equals(c.secretId()));
    }

    @Test
    void anAccountInUseSurvivesKubectlDeleteUntilItsLastUserIsGone() throws Exception {
        String team = team("in-use", "a");
        String account = account("a", KEY_A, Map.of(TEAM_LABEL, "a"));
        startOperator(team);
        client.resource(recording(team, "first", account, 50_001)).create();
        client.resource(recording(team, "second", account, 50_002)).create();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> withTaskId(team) == 2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(accountStatusUsers(account)));

        kubectl("delete", "trtcaccount", account, "--wait=false");
        Condition inUse = awaitAccountReady(account, c -> TrtcAccountReconciler.REASON_IN_USE.equals(c.getReason()));
        assertThat(inUse.getMessage()).startsWith("2 CloudRecordings still use this account");
        Thread.sleep(2_000);
        assertThat(client.resources(TrtcAccount.class).withName(account).get()).as("kept while in use").isNotNull();

        client.resources(CloudRecording.class).inNamespace(team).withName("first").delete();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.resources(CloudRecording.class).inNamespace(team).withName("first").get() == null);
        Condition oneLeft = awaitAccountReady(account, c -> c.getMessage().startsWith("1 CloudRecording still uses"));
        assertThat(oneLeft.getStatus()).isEqualTo("False");

        client.secrets().inNamespace(platform).withName("account-a").delete();
        client.resources(CloudRecording.class).inNamespace(team).withName("second").delete();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.resources(TrtcAccount.class).withName(account).get() == null);
        assertThat(client.resources(CloudRecording.class).inNamespace(team).list().getItems()).isEmpty();
        assertThat(emulator.callCount(Action.DELETE)).as("both tasks stopped, the second after its Secret was gone").isEqualTo(2);
    }

    @Test
    void aTeamBoundToTheEditorRoleCannotReadTheAccountSecret() {
        String team = team("rbac", "a");
        account("a", KEY_A, Map.of(TEAM_LABEL, "a"));
        ClusterRole editor = load(Path.of("config", "rbac", "cloudrecording_editor_role.yaml"), ClusterRole.class);
        editor.getMetadata().setName(editor.getMetadata().getName() + suffix);
        client.resource(editor).createOr(r -> r.update());
        client.resource(new ServiceAccountBuilder().withNewMetadata().withName("recorder").withNamespace(team).endMetadata().build()).create();
        for (String role : List.of(editor.getMetadata().getName(), "edit")) {
            client.resource(new RoleBindingBuilder().withNewMetadata().withName("team-" + role).withNamespace(team).endMetadata()
                    .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
                    .addNewSubject().withKind("ServiceAccount").withName("recorder").withNamespace(team).endSubject().build()).create();
        }

        assertThat(allowed(team, "trtc.tencentcloud.com", "cloudrecordings", "create", team)).isTrue();
        assertThat(allowed(team, "", "secrets", "get", platform)).as("get the account's Secret").isFalse();
        assertThat(allowed(team, "", "secrets", "list", platform)).as("list Secrets of the platform namespace").isFalse();
        assertThat(allowed(team, "trtc.tencentcloud.com", "trtcaccounts", "update", null)).as("change an account").isFalse();
    }

    private boolean allowed(String team, String group, String resource, String verb, String namespace) {
        SubjectAccessReview review = new SubjectAccessReviewBuilder().withNewSpec()
                .withUser("system:serviceaccount:" + team + ":recorder")
                .withGroups("system:serviceaccounts", "system:serviceaccounts:" + team, "system:authenticated")
                .withNewResourceAttributes().withGroup(group).withResource(resource).withVerb(verb).withNamespace(namespace)
                .endResourceAttributes().endSpec().build();
        return client.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
    }

    /** A team namespace labelled for {@code team}. */
    private String team(String purpose, String team) {
        String ns = RealApiServer.newNamespace(purpose);
        client.namespaces().withName(ns).edit(n -> new NamespaceBuilder(n).editMetadata().addToLabels(TEAM_LABEL, team).endMetadata().build());
        return ns;
    }

    /** An account named after {@code key} and this test, its Secret in the platform namespace. */
    private String account(String key, Credentials credentials, Map<String, String> selector) {
        String name = "account-" + key + suffix;
        Map<String, String> data = new HashMap<>();
        Map.of("secretId", credentials.secretId(), "secretKey", credentials.secretKey(), "sdkSecretKey", "sdk-key-" + key)
                .forEach((k, v) -> data.put(k, java.util.Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.resource(new SecretBuilder().withNewMetadata().withName("account-" + key).withNamespace(platform).endMetadata()
                .withData(data).build()).create();
        TrtcAccount account = new TrtcAccount();
        account.getMetadata().setName(name);
        TrtcAccountSpec spec = new TrtcAccountSpec();
        spec.setCredentialsSecretRef(new SecretReference(platform, "account-" + key));
        spec.setNamespaceSelector(new NamespaceSelector(selector, null));
        spec.setMaxConcurrentTasks(ACCOUNT_TASK_LIMIT);
        account.setSpec(spec);
        client.resource(account).create();
        return name;
    }

    private void startOperator(String... teams) throws IOException {
        List<String> watched = new ArrayList<>(List.of(teams));
        watched.add(platform);
        OperatorConfig config = OperatorConfig.fromEnv(Map.of("WATCH_NAMESPACES", String.join(",", watched),
                "TRTC_ENDPOINT", emulator.baseUrl(), "METRICS_BIND_ADDRESS", "127.0.0.1"));
        operatorClient = RealApiServer.newClient();
        operator = OperatorAssembly.assemble(config, operatorClient, new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()),
                Clock.systemUTC()), new OperatorAssembly.Tuning(true, false, Duration.ofSeconds(2), Duration.ofMillis(1500),
                Duration.ofMillis(250), null, Duration.ofSeconds(10), () -> { },
                (app, key, user, expire, now) -> "minted-usersig-" + user, CloudRecordingReconciler.Options.defaults(),
                Clock.systemUTC()));
        operator.start(0);
    }

    private static CloudRecording recording(String namespace, String name, String account, int room) {
        CloudRecording r;
        try (InputStream in = AccountsIT.class.getResourceAsStream("/reconciler/recording.yaml")) {
            r = Serialization.unmarshal(in, CloudRecording.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        r.getMetadata().setNamespace(namespace);
        r.getMetadata().setName(name);
        r.getSpec().setRoomId(String.valueOf(room));
        r.getSpec().setCredentialsSecretRef(null);
        r.getSpec().setAccountRef(new AccountReference(account));
        return r;
    }

    private static long withTaskId(String namespace) {
        return client.resources(CloudRecording.class).inNamespace(namespace).list().getItems().stream()
                .filter(r -> r.getStatus() != null && r.getStatus().getTaskId() != null).count();
    }

    private static String taskId(String namespace, String name) {
        CloudRecording r = client.resources(CloudRecording.class).inNamespace(namespace).withName(name).get();
        return r == null || r.getStatus() == null ? null : r.getStatus().getTaskId();
    }

    private static Condition awaitCondition(String namespace, String name, String type, java.util.function.Predicate<Condition> test) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            CloudRecording r = client.resources(CloudRecording.class).inNamespace(namespace).withName(name).get();
            return r == null || r.getStatus() == null ? null : Conditions.find(r.getStatus().getConditions(), type).orElse(null);
        }, c -> c != null && test.test(c));
    }

    private static Integer accountStatusUsers(String account) {
        TrtcAccount a = client.resources(TrtcAccount.class).withName(account).get();
        return a == null || a.getStatus() == null ? null : a.getStatus().getUsers();
    }

    private static Condition awaitAccountReady(String account, java.util.function.Predicate<Condition> test) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            TrtcAccount a = client.resources(TrtcAccount.class).withName(account).get();
            return a == null || a.getStatus() == null ? null : Conditions.find(a.getStatus().getConditions(), Conditions.READY).orElse(null);
        }, c -> c != null && test.test(c));
    }

    private static double seconds(List<CallRecord> calls) {
        Instant first = calls.stream().map(CallRecord::at).min(Instant::compareTo).orElseThrow();
        Instant last = calls.stream().map(CallRecord::at).max(Instant::compareTo).orElseThrow();
        return Duration.between(first, last).toMillis() / 1000.0;
    }

    private static long limited(List<CallRecord> calls) {
        return calls.stream().filter(c -> c.outcome().startsWith("RequestLimitExceeded")).count();
    }

    private static <T> T load(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return Serialization.unmarshal(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void kubectl(String... args) throws Exception {
        Path kubeconfig = Files.createTempFile("accounts-it", ".kubeconfig");
        try {
            Files.writeString(kubeconfig, RealApiServer.kubeconfigYaml());
            List<String> command = new ArrayList<>(List.of(RealApiServer.kubectl().toString(), "--kubeconfig", kubeconfig.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
    }
}
