package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.callback.CallbackReceiver;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Runs the real reconciler in a JOSDK operator against a Fabric8 mock API server, with a fake TRTC. */
final class OperatorHarness implements AutoCloseable {

    static final String NAMESPACE = "media";
    static final String CRD_FILE = "crds/cloudrecordings.trtc.tencentcloud.com-v1.yml";
    static final String SCHEDULE_CRD_FILE = "crds/cloudrecordingschedules.trtc.tencentcloud.com-v1.yml";

    private final KubernetesClient client;
    private Operator operator;
    private CloudRecordingReconciler reconciler;
    private UserSigMinter minter = (app, key, user, expire, now) -> "minted-usersig-" + user + "-" + expire;

    OperatorHarness(KubernetesClient client) {
        this.client = client;
    }

    /** Installs the CRDs of both kinds the operator watches. */
    static void installCrd(KubernetesClient client) throws IOException {
        for (String file : List.of(CRD_FILE, SCHEDULE_CRD_FILE)) {
            try (InputStream in = new FileInputStream(file)) {
                client.apiextensions().v1().customResourceDefinitions().load(in).createOr(r -> r.update());
            }
        }
    }

    /** The operator's settings from {@code env}, with its endpoints on loopback as every server a test starts. */
    static OperatorConfig config(Map<String, String> env) {
        Map<String, String> withLoopback = new java.util.HashMap<>(env);
        withLoopback.putIfAbsent("METRICS_BIND_ADDRESS", "127.0.0.1");
        return OperatorConfig.fromEnv(withLoopback);
    }

    /** Mints UserSigs with {@code minter} (the real one against the emulator) instead of a recognisable fake. */
    OperatorHarness minter(UserSigMinter minter) {
        this.minter = minter;
        return this;
    }

    OperatorHarness start(FakeTrtcClient trtc, OperatorConfig config) {
        return start(trtc, config, KubernetesResourceWriter::new);
    }

    OperatorHarness start(FakeTrtcClient trtc, OperatorConfig config, Function<KubernetesClient, ResourceWriter> writers) {
        return start(trtc, config, writers, Clock.systemUTC());
    }

    OperatorHarness start(FakeTrtcClient trtc, OperatorConfig config, Clock clock) {
        return start(trtc, config, KubernetesResourceWriter::new, clock);
    }

    OperatorHarness start(com.tencentcloud.trtc.operator.trtc.TrtcClient trtc, OperatorConfig config,
                          Function<KubernetesClient, ResourceWriter> writers, Clock clock) {
        operator = new Operator(o -> o.withKubernetesClient(client)
                .withUseSSAToPatchPrimaryResource(false)
                .withCloseClientOnStop(false));
        reconciler = new CloudRecordingReconciler(trtc, config,
                minter,
                clock,
                new CloudRecordingReconciler.Options(writers, Duration.ofMillis(200), Duration.ofSeconds(2)));
        operator.register(reconciler);
        operator.start();
        return this;
    }

    /** The running reconciler's callback inbox. */
    CallbackInbox callbacks() {
        return reconciler.callbacks();
    }

    /** A callback receiver on a free loopback port handing callbacks to the running reconciler; metrics ignored. */
    CallbackServer receiveCallbacks() throws IOException {
        return CallbackServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new CallbackReceiver() {
            @Override
            public Optional<CallbackTarget> target(String taskId) {
                return callbacks().target(taskId);
            }

            @Override
            public CallbackTarget.Offer offer(CallbackTarget target, RecordingCallback event) {
                return callbacks().offer(target, event);
            }
        }, (e, r) -> { }, Duration.ofSeconds(2));
    }

    void stop() {
        if (operator != null) {
            operator.stop();
            operator = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    CloudRecording get(String name) {
        return client.resources(CloudRecording.class).inNamespace(NAMESPACE).withName(name).get();
    }

    List<Event> events() {
        return client.v1().events().inNamespace(NAMESPACE).list().getItems();
    }

    List<String> reasons() {
        return events().stream().map(Event::getReason).toList();
    }

    List<String> warnings() {
        return events().stream().filter(e -> "Warning".equals(e.getType())).map(Event::getReason).toList();
    }

    /** Waits until the resource {@code name} has a status that satisfies {@code predicate}. */
    CloudRecording awaitStatus(String name, java.util.function.Predicate<com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus> predicate) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> get(name),
                r -> r != null && r.getStatus() != null && predicate.test(r.getStatus()));
    }

    /** The sample credentials, with {@code callbackKey} for signed callbacks; the map written. */
    Map<String, String> credentialsWithCallbackKey(String callbackKey) {
        Map<String, String> values = new java.util.HashMap<>(Recordings.CREDENTIALS);
        values.put("callbackKey", callbackKey);
        credentials(values);
        return values;
    }

    /** Creates or replaces the credentials Secret {@code trtc-credentials}. */
    Secret credentials(Map<String, String> values) {
        return secret("trtc-credentials", values);
    }

    Secret secret(String name, Map<String, String> values) {
        Map<String, String> data = new java.util.HashMap<>();
        values.forEach((k, v) -> data.put(k, java.util.Base64.getEncoder().encodeToString(v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withData(data).build()).createOr(r -> r.update());
    }
}
