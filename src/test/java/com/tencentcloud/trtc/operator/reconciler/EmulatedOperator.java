package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator as production wires it, watching one namespace of a real API server, against an emulator whose
 * signed callbacks reach the operator's receiver; the namespace gets the credentials Secret the sample recordings
 * name ({@code trtc-credentials}, with {@link #CALLBACK_KEY}). Closing stops both.
 */
record EmulatedOperator(TrtcEmulator emulator, OperatorAssembly operator) implements AutoCloseable {

    static final long APP = 1400000001L;
    static final String CALLBACK_KEY = "emulatorToOperatorKey";

    /**
     * Starts both for {@code ns}, the operator with {@code env} as extra configuration and the emulator holding at
     * most {@code maxLiveTasks} live tasks per application.
     */
    static EmulatedOperator start(KubernetesClient client, String ns, Map<String, String> env, int maxLiveTasks) throws Exception {
        TrtcEmulator emulator = TrtcEmulator.builder().credential(Recordings.SECRET_ID, Recordings.SECRET_KEY)
                .sdkApp(APP, Recordings.SDK_SECRET_KEY).maxLiveTasksPerApp(maxLiveTasks).build().start();
        Map<String, String> data = new HashMap<>();
        Map.of("secretId", Recordings.SECRET_ID, "secretKey", Recordings.SECRET_KEY, "sdkSecretKey", Recordings.SDK_SECRET_KEY,
                "callbackKey", CALLBACK_KEY).forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(ns).endMetadata()
                .withData(data).build()).create();
        Map<String, String> config = new HashMap<>(env);
        config.put("WATCH_NAMESPACES", ns);
        config.put("TRTC_ENDPOINT", emulator.baseUrl());
        OperatorAssembly.Tuning fixtures = WiringFixtures.tuning(true, null, () -> { });
        OperatorAssembly.Tuning tuning = new OperatorAssembly.Tuning(fixtures.serverSideApply(), fixtures.closeClientOnStop(),
                fixtures.leaseDuration(), fixtures.renewDeadline(), fixtures.retryPeriod(), fixtures.identity(),
                fixtures.terminationTimeout(), fixtures.onLostLeadership(), UserSig::generate, fixtures.reconcilerOptions(),
                fixtures.clock());
        OperatorAssembly operator = OperatorAssembly.assemble(OperatorHarness.config(config), client,
                new HttpTrtcClient(TrtcEndpoint.parse(emulator.baseUrl()), Clock.systemUTC()), tuning);
        try {
            operator.start(0, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (Exception | Error e) {
            operator.close();
            emulator.close();
            throw e;
        }
        emulator.callbacks().target(URI.create("http://127.0.0.1:" + operator.callbackPort() + CallbackServer.PATH), CALLBACK_KEY);
        return new EmulatedOperator(emulator, operator);
    }

    @Override
    public void close() {
        operator.close();
        emulator.close();
    }
}
