package com.tencentcloud.trtc.operator.bench;

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
 * The Kubernetes API of a run: the embedded Fabric8 mock API on loopback (default), or the cluster of
 * {@code KUBECONFIG} ({@code --cluster}). Installs the CRD, the {@code bench} namespace and the credentials.
 */
final class BenchCluster implements AutoCloseable {

    static final String NAMESPACE = "bench";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Path kubeconfig;

    private BenchCluster(KubernetesMockServer server, KubernetesClient client, Path kubeconfig) {
        this.server = server;
        this.client = client;
        this.kubeconfig = kubeconfig;
    }

    static BenchCluster start(boolean useCluster) throws IOException {
        KubernetesMockServer server = null;
        KubernetesClient client;
        Path kubeconfig;
        if (useCluster) {
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
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).createOr(r -> r.update());
        client.resource(new SecretBuilder().withNewMetadata().withName("trtc-credentials").withNamespace(NAMESPACE).endMetadata()
                .withStringData(Map.of("secretId", Benchmark.SECRET_ID, "secretKey", Benchmark.SECRET_KEY,
                        "sdkSecretKey", Benchmark.SDK_SECRET_KEY)).build()).createOr(r -> r.update());
        return new BenchCluster(server, client, kubeconfig);
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
        return server == null ? "cluster of KUBECONFIG" : "embedded mock API";
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.destroy();
        }
    }
}
