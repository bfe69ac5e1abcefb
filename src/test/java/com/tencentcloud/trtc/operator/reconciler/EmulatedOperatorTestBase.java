package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.app.OperatorAssembly;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.it.RealApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ITs that run the wired operator against the emulator on the real API server ({@link EmulatedOperator}): the CRDs
 * installed once, one operator and emulator per test, both stopped after it.
 */
@ExtendWith(RealApiServer.class)
abstract class EmulatedOperatorTestBase {

    static KubernetesClient client;

    TrtcEmulator emulator;
    OperatorAssembly operator;
    private EmulatedOperator running;

    @BeforeAll
    static void installCrds() {
        RealApiServer.installCrds();
        client = RealApiServer.client();
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    /** Starts the operator for {@code ns} with {@code env}, the emulator holding at most 10 live tasks per application. */
    void start(String ns, Map<String, String> env) throws Exception {
        running = EmulatedOperator.start(client, ns, env, 10);
        emulator = running.emulator();
        operator = running.operator();
    }
}
