package com.tencentcloud.trtc.operator.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Optional;

/**
 * The Fabric8 mock API server in CRUD mode, over plain HTTP on 127.0.0.1: it stores and watches whatever is
 * applied, honours the status subresource of the CRDs created through it, and checks no schema.
 */
final class MockKubeApi implements KubeApi {

    private final KubernetesMockServer server;

    private MockKubeApi(KubernetesMockServer server) {
        this.server = server;
    }

    static MockKubeApi start() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return new MockKubeApi(server);
    }

    @Override
    public KubernetesClient newClient() {
        return server.createClient();
    }

    @Override
    public boolean serverSideApply() {
        return false;
    }

    @Override
    public boolean reportsCrdConditions() {
        return false;
    }

    @Override
    public String describe() {
        return "Fabric8 mock API server at http://127.0.0.1:" + server.getPort()
                + " (no schema validation; for kubectl, run with kube-api-test binaries present)";
    }

    @Override
    public Optional<Path> kubeconfig() {
        return Optional.empty();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
