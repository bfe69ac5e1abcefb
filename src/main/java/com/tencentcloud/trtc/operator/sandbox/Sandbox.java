package com.tencentcloud.trtc.operator.sandbox;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A running sandbox: a TRTC emulator, a Kubernetes API and the operator's health port, all on 127.0.0.1 only (a
 * start in which a child process listens beyond loopback is refused), the CRD installed, the manifests applied, the
 * operator reconciling them against the emulator, and a status line printed for every change.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withMockApiServerFor(Duration.ofSeconds(20)), env, out)) {
 *     sandbox.awaitEnd();
 *     int status = sandbox.exitStatus();
 * }
 * }</pre>
 *
 * <p>The emulator accepts the API keys of the applied Secrets ({@code secretId}/{@code secretKey}) and the
 * sandbox's own default keys, which recordings without {@code credentialsSecretRef} use; every SdkAppId exists and
 * UserSigs are not verified, so the samples' placeholder values work as they are. When a recording gets a TaskId,
 * a simulated anchor joins its room ({@link RoomAnchors}), and with {@code --anchor-leaves-after} leaves it again.
 * With {@code --fail-recording-after}, the emulator ends each recording's first task by fault (302 with LeaveCode 100)
 * that long after it got its TaskId, as TRTC does when the recorder loses the anchors' data: the resource then shows
 * what the operator does about it.
 *
 * <p>The emulator sends its recording callbacks to the operator's receiver on loopback, signed with the first
 * {@code callbackKey} of the applied Secrets (else {@link #DEFAULT_CALLBACK_KEY}, which is also the operator's
 * {@code TRTC_CALLBACK_KEY}); Secrets with another key get their callbacks refused (401), as in a real cluster.
 */
public final class Sandbox implements AutoCloseable {

    /** The sandbox's default API key: the operator's {@code TENCENTCLOUD_SECRET_ID}/{@code _KEY}. */
    public static final Credentials DEFAULT_CREDENTIALS = new Credentials("AKIDsandbox", "sandbox-secret-key");

    /** The emulator's callback key when no applied Secret has a {@code callbackKey}: the operator's {@code TRTC_CALLBACK_KEY}. */
    public static final String DEFAULT_CALLBACK_KEY = "sandboxCallbackKey";

    static final Duration REAL_START_TIMEOUT = Duration.ofSeconds(90);
    /** The LeaveCode of the fault {@code --fail-recording-after} injects: the recorder lost the anchors' data. */
    static final int ROOM_TIMEOUT = 100;
    static final Duration CRD_ESTABLISHED_TIMEOUT = Duration.ofSeconds(60);

    private final SandboxOptions options;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<AutoCloseable> closeInReverse = new ArrayList<>();
    private StatusPrinter printer;
    private KubernetesClient client;
    private String callbackKey;
    private TrtcEmulator emulator;
    private volatile boolean closed;

    private Sandbox(SandboxOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Starts everything and returns once the manifests are applied and the operator runs.
     *
     * @param env the process environment (for kube-api-test's {@code KUBE_API_TEST_*} variables)
     * @throws IllegalArgumentException when the manifests cannot be read or parsed (one-line message)
     * @throws IllegalStateException    when a part cannot start or the API server refuses a manifest (one-line
     *                                  message); whatever started is stopped
     */
    public static Sandbox start(SandboxOptions options, Map<String, String> env, PrintStream out) {
        Manifests manifests = options.samples().map(Manifests::fromDirectory).orElseGet(Manifests::builtIn);
        Sandbox sandbox = new Sandbox(options, out);
        try {
            sandbox.startAll(manifests, env);
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private void startAll(Manifests manifests, Map<String, String> env) {
        callbackKey = manifests.callbackKeys().stream().findFirst().orElse(DEFAULT_CALLBACK_KEY);
        List<Credentials> credentials = new ArrayList<>(manifests.credentials());
        credentials.add(DEFAULT_CREDENTIALS);
        TrtcEmulator.Builder emulatorBuilder = TrtcEmulator.builder().port(options.emulatorPort()).hourLength(options.hourLength());
        credentials.forEach(emulatorBuilder::credential);
        try {
            emulator = emulatorBuilder.build().start();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage() + " (" + e.getCause().getMessage() + ")");
        }
        closeInReverse.add(emulator);

        KubeApi api = startKubeApi(env);
        closeInReverse.add(api);
        client = api.newClient();
        closeInReverse.add(client);
        installCrd(api);

        banner(api, emulator, credentials);

        RoomAnchors anchors = new RoomAnchors(emulator);
        Set<String> faulted = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService leaving = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-anchors");
            t.setDaemon(true);
            return t;
        });
        closeInReverse.add(leaving::shutdownNow);
        printer = new StatusPrinter(out, Clock.systemDefaultZone(), (recording, taskId) -> {
            String anchor = anchors.join(recording.getSpec());
            String key = StatusPrinter.key(recording);
            printer.note(key, "anchor " + anchor + " joined room " + recording.getSpec().getRoomId() + " (emulator)");
            options.anchorLeavesAfter().ifPresent(after -> leaving.schedule(() -> {
                anchors.leave(recording.getSpec());
                printer.note(key, "anchor " + anchor + " left room " + recording.getSpec().getRoomId() + " (emulator)");
            }, after.toMillis(), TimeUnit.MILLISECONDS));
            options.failRecordingAfter().filter(after -> faulted.add(recording.getMetadata().getUid()))
                    .ifPresent(after -> leaving.schedule(() -> failTask(emulator, key, taskId), after.toMillis(), TimeUnit.MILLISECONDS));
        });
        SharedIndexInformer<CloudRecording> informer = client.resources(CloudRecording.class).inAnyNamespace().inform(printer);
        closeInReverse.add(informer::close);

        OperatorAssembly.Tuning tuning = OperatorAssembly.Tuning.production();
        OperatorAssembly operator = OperatorAssembly.assemble(operatorConfig(emulator, api.serverSideApply()), api.newClient(),
                new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()), tuning.clock()), tuning);
        closeInReverse.add(operator::close);
        try {
            operator.start(0, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException("the operator's health endpoint could not start: " + e.getMessage(), e);
        }
        emulator.callbacks().target(URI.create("http://127.0.0.1:" + operator.callbackPort() + CallbackServer.PATH), callbackKey);
        out.println("  callbacks       emulator -> http://127.0.0.1:" + operator.callbackPort() + CallbackServer.PATH);
        out.flush();

        refuseSocketsOffLoopback();
        apply(manifests);
    }

    private void failTask(TrtcEmulator emulator, String key, String taskId) {
        try {
            emulator.endTask(taskId, ROOM_TIMEOUT);
            printer.note(key, "task " + taskId + " ended by fault: LeaveCode " + ROOM_TIMEOUT + " (emulator)");
        } catch (IllegalArgumentException ended) {
            printer.note(key, "task " + taskId + " had already ended; no fault injected (emulator)");
        }
    }

    /**
     * Stops the start when a process the sandbox started (etcd, kube-apiserver) listens beyond loopback: etcd has no
     * authentication, so such a socket would hand the sandbox's cluster, Secrets included, to the network.
     */
    private void refuseSocketsOffLoopback() {
        List<ListeningSockets.Listener> exposed = ProcessHandle.current().children()
                .flatMap(child -> ListeningSockets.ofTree(child).stream())
                .filter(l -> !l.loopback()).toList();
        if (!exposed.isEmpty()) {
            throw new IllegalStateException("stopping: " + exposed.stream().map(Object::toString).collect(Collectors.joining(", "))
                    + " listens beyond loopback; build loopback-only binaries with 'bash src/test/apiserver/provision'"
                    + " or run with --mock-api-server");
        }
    }

    private KubeApi startKubeApi(Map<String, String> env) {
        return switch (options.apiServer()) {
            case MOCK -> MockKubeApi.start();
            case REAL -> RealKubeApi.start(true, REAL_START_TIMEOUT, options.kubeconfig());
            case AUTO -> {
                if (!RealKubeApi.binariesPresent(env)) {
                    yield MockKubeApi.start();
                }
                try {
                    yield RealKubeApi.start(false, REAL_START_TIMEOUT, options.kubeconfig());
                } catch (IllegalStateException e) {
                    out.println("sandbox: " + e.getMessage() + "; using the Fabric8 mock API server instead");
                    yield MockKubeApi.start();
                }
            }
        };
    }

    private void installCrd(KubeApi api) {
        for (String resource : List.of(Manifests.CRD_RESOURCE, Manifests.SCHEDULE_CRD_RESOURCE)) {
            CustomResourceDefinition crd;
            try (InputStream in = Manifests.crd(resource)) {
                crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            client.resource(crd).createOr(r -> r.update());
            if (api.reportsCrdConditions()) {
                client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                                        && c.getStatus().getConditions().stream()
                                        .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                                CRD_ESTABLISHED_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        if (!"default".equals(options.namespace())) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(options.namespace()).endMetadata().build())
                    .createOr(r -> r.update());
        }
    }

    private OperatorConfig operatorConfig(TrtcEmulator emulator, boolean serverSideApply) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRTC_ENDPOINT", emulator.baseUrl());
        env.put("TRTC_POLL_INTERVAL", options.pollInterval().toMillis() + "ms");
        env.put("TENCENTCLOUD_SECRET_ID", DEFAULT_CREDENTIALS.secretId());
        env.put("TENCENTCLOUD_SECRET_KEY", DEFAULT_CREDENTIALS.secretKey());
        env.put("METRICS_PORT", "0");
        env.put("TRTC_CALLBACK_KEY", callbackKey);
        env.put("METRICS_BIND_ADDRESS", "127.0.0.1");
        env.put("SERVER_SIDE_APPLY", String.valueOf(serverSideApply));
        return OperatorConfig.fromEnv(env);
    }

    private void apply(Manifests manifests) {
        for (HasMetadata item : manifests.items()) {
            if (item.getMetadata().getNamespace() == null) {
                item.getMetadata().setNamespace(options.namespace());
            }
        }
        out.println("applying " + manifests.items().stream()
                .map(i -> i.getKind() + " " + i.getMetadata().getNamespace() + "/" + i.getMetadata().getName())
                .collect(Collectors.joining(", ")));
        out.flush();
        for (HasMetadata item : manifests.items()) {
            try {
                client.resource(item).createOr(r -> r.update());
            } catch (KubernetesClientException e) {
                String why = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
                throw new IllegalStateException("the API server refused " + item.getKind() + " "
                        + item.getMetadata().getNamespace() + "/" + item.getMetadata().getName() + ": " + why);
            }
        }
    }

    private void banner(KubeApi api, TrtcEmulator emulator, List<Credentials> credentials) {
        out.println("trtc-recording-operator sandbox");
        out.println("  Kubernetes API  " + api.describe());
        out.println("  TRTC emulator   " + emulator.baseUrl() + " (hour length " + human(options.hourLength())
                + "; accepts SecretIds " + credentials.stream().map(Credentials::secretId).collect(Collectors.joining(", ")) + ")");
        out.println("  operator        polls live tasks every " + human(options.pollInterval()));
        api.kubeconfig().ifPresent(k -> {
            out.println("  kubectl         export KUBECONFIG=" + k);
            out.println("                  kubectl get crec -n " + options.namespace() + " -w");
            out.println("                  kubectl get crecsched -n " + options.namespace());
        });
        out.println("  stop            " + options.duration().map(d -> "after " + human(d) + ", or Ctrl-C").orElse("Ctrl-C"));
        out.flush();
    }

    static String human(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Blocks until {@code --duration} has passed (or forever without one), or until {@link #close()}. */
    public void awaitEnd() throws InterruptedException {
        if (options.duration().isPresent()) {
            stopped.await(options.duration().get().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            stopped.await();
        }
    }

    /** The sandbox's TRTC emulator, for tests of this package. */
    TrtcEmulator emulator() {
        return emulator;
    }

    /** The CloudRecordings as the API server has them now. */
    public List<CloudRecording> recordings() {
        return client.resources(CloudRecording.class).inAnyNamespace().list().getItems();
    }

    /**
     * 0 when every applied CloudRecording has a TaskId, none is stalled, no schedule is stalled and no child of a
     * schedule is stalled, else 1 (a smoke test's verdict), after printing one summary line. A schedule's child may
     * have been started a moment ago, so it is not required to have a TaskId yet.
     */
    public int exitStatus() {
        List<CloudRecording> all = recordings();
        List<CloudRecording> recordings = all.stream().filter(r -> !isChild(r)).toList();
        List<CloudRecording> children = all.stream().filter(Sandbox::isChild).toList();
        long withTask = recordings.stream().filter(r -> r.getStatus() != null && r.getStatus().getTaskId() != null).count();
        List<String> stalled = recordings.stream().filter(r -> StatusPrinter.View.of(r.getStatus()).stalled() != null)
                .map(StatusPrinter::key).toList();
        List<String> stalledChildren = children.stream().filter(r -> StatusPrinter.View.of(r.getStatus()).stalled() != null)
                .map(StatusPrinter::key).toList();
        List<CloudRecordingSchedule> schedules = client.resources(CloudRecordingSchedule.class).inAnyNamespace().list().getItems();
        List<String> stalledSchedules = schedules.stream().filter(s -> s.getStatus() != null && s.getStatus().getConditions() != null
                        && s.getStatus().getConditions().stream().anyMatch(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus())))
                .map(s -> s.getMetadata().getNamespace() + "/" + s.getMetadata().getName()).toList();
        out.println("sandbox: " + recordings.size() + " recording(s), " + withTask + " with a TaskId, "
                + stalled.size() + " stalled" + (stalled.isEmpty() ? "" : " (" + String.join(", ", stalled) + ")")
                + "; " + schedules.size() + " schedule(s), " + stalledSchedules.size() + " stalled"
                + (stalledSchedules.isEmpty() ? "" : " (" + String.join(", ", stalledSchedules) + ")")
                + ", " + children.size() + " started by them, " + stalledChildren.size() + " stalled"
                + (stalledChildren.isEmpty() ? "" : " (" + String.join(", ", stalledChildren) + ")"));
        out.flush();
        return withTask == recordings.size() && stalled.isEmpty() && stalledSchedules.isEmpty() && stalledChildren.isEmpty() ? 0 : 1;
    }

    /** Whether {@code r} was started by a CloudRecordingSchedule. */
    static boolean isChild(CloudRecording r) {
        return r.getMetadata().getLabels() != null && r.getMetadata().getLabels().containsKey(CloudRecordingSchedule.LABEL_SCHEDULE);
    }

    /** Whether {@link #close()} has been called (by a shutdown hook, say). */
    public boolean isClosed() {
        return closed;
    }

    /** Stops the operator, the watch, the API server and the emulator, in that order; idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        stopped.countDown();
        for (int i = closeInReverse.size() - 1; i >= 0; i--) {
            try {
                closeInReverse.get(i).close();
            } catch (Exception ignored) {
                // stopping the rest matters more than how one part stopped
            }
        }
        closeInReverse.clear();
    }
}
