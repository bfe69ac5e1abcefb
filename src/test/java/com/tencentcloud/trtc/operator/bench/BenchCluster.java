package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.it.RealApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes API of a run: the embedded Fabric8 mock API on loopback (default), a real kube-apiserver and etcd
 * started on loopback by kube-api-test ({@code --real-api-server}, the binaries {@code mvn verify} provisions), or the
 * cluster of {@code KUBECONFIG} ({@code --cluster}). Installs the CRD, the {@code bench} and {@code bench-quiet}
 * namespaces and the credentials.
 */
final class BenchCluster implements AutoCloseable {

    static final String NAMESPACE = "bench";
    /** The namespace of the single applies: idle latency, and the quiet tenant of the fairness scenario. */
    static final String QUIET_NAMESPACE = "bench-quiet";

    /** Where the Kubernetes API of a run comes from. */
    enum Kind {
        MOCK("embedded mock API"), CLUSTER("cluster of KUBECONFIG"),
        REAL("real kube-apiserver " + RealApiServer.version() + " + etcd (kube-api-test, 127.0.0.1)");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Path kubeconfig;
    private final Kind kind;

    private BenchCluster(KubernetesMockServer server, KubernetesClient client, Path kubeconfig, Kind kind) {
        this.server = server;
        this.client = client;
        this.kubeconfig = kubeconfig;
        this.kind = kind;
    }

    static BenchCluster start(Kind kind) throws IOException {
        KubernetesMockServer server = null;
        KubernetesClient client;
        Path kubeconfig;
        if (kind == Kind.REAL) {
            if (!RealApiServer.binariesPresent()) {
                throw new IllegalStateException(RealApiServer.skipReason());
            }
            kubeconfig = Path.of("target", "bench", "kubeconfig");
            Files.createDirectories(kubeconfig.getParent());
            Files.writeString(kubeconfig, RealApiServer.kubeconfigYaml());
            client = RealApiServer.newClient();
        } else if (kind == Kind.CLUSTER) {
            client = new KubernetesClientBuilder().build();
            kubeconfig = Path.of(Optional.ofNullable(System.getenv("KUBECONFIG"))
                    .orElse(System.getProperty("user.home") + "/.kube/config"));
        } else {
            server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
            server.init(InetAddress.getLoopbackAddress(), 0);
            client = server.createClient();
            kubeconfig = Path.of("target", "bench", "kubeconfig");
            Files.createDirectories(kubeconfig.getParent());
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - cluster: {server: "%s"}
                      name: bench
                    contexts:
                    - context: {cluster: bench, user: bench}
                      name: bench
                    current-context: bench
                    users:
                    - name: bench
                      user: {token: bench}
                    """.formatted(client.getConfiguration().getMasterUrl()));
        }
        for (String file : java.util.List.of("crds/cloudrecordings.trtc.tencentcloud.com-v1.yml",
                "crds/cloudrecordingschedules.trtc.tencentcloud.com-v1.yml")) {
            try (InputStream crd = new FileInputStream(file)) {
                client.apiextensions().v1().customResourceDefinitions().load(crd).createOr(r -> r.update());
            }
        }
        client.apiextensions().v1().customResourceDefinitions().withName("cloudrecordings.trtc.tencentcloud.com")
                .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null
                        && c.getStatus().getConditions().stream().anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus()))
                        || kind == Kind.MOCK, 60, java.util.concurrent.TimeUnit.SECONDS);
        for (String ns : new String[] {NAMESPACE, QUIET_NAMESPACE}) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).createOr(r -> r.update());
            client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(ns).endMetadata()
                    .withStringData(Map.of("secretId", Benchmark.SECRET_ID, "secretKey", Benchmark.SECRET_KEY,
                            "sdkSecretKey", Benchmark.SDK_SECRET_KEY,
                            "callbackKey", Benchmark.CALLBACK_KEY)).build()).createOr(r -> r.update());
        }
        return new BenchCluster(server, client, kubeconfig, kind);
    }

    KubernetesClient client() {
        return client;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    /** Whether the API supports server-side apply (the mock does not). */
    boolean serverSideApply() {
        return server == null;
    }

    String kind() {
        return kind.description;
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.destroy();
        }
    }
}
