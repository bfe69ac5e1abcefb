package com.tencentcloud.trtc.operator.it;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real API server of a test's own, for what the shared {@link RealApiServer} must not see: a cluster without an
 * optional CRD, or with the CRDs of an earlier release. Needs the same binaries (use it inside an IT that carries
 * {@code @ExtendWith(RealApiServer.class)}); stopped on {@link #close()}.
 */
public final class OwnApiServer implements AutoCloseable {

    private final KubeAPIServer server;
    private final String kubeconfigYaml;
    private final KubernetesClient admin;

    private OwnApiServer(KubeAPIServer server) {
        this.server = server;
        this.kubeconfigYaml = server.getKubeConfigYaml();
        this.admin = newClient();
    }

    /** Starts an empty server: no CRDs, only the {@code default} namespace. */
    public static OwnApiServer start() {
        KubeAPIServer server = RealApiServer.newServer();
        server.start();
        return new OwnApiServer(server);
    }

    /** The cluster-admin kubeconfig, for a process (an operator, kubectl, helm) driven by the test. */
    public String kubeconfigYaml() {
        return kubeconfigYaml;
    }

    /** Writes the kubeconfig to {@code file}, readable by the owner only, and returns it. */
    public Path writeKubeconfig(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, kubeconfigYaml, StandardCharsets.UTF_8);
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        return file;
    }

    /** The cluster-admin client of this server; closed with it. */
    public KubernetesClient client() {
        return admin;
    }

    /** A new cluster-admin client, for a test that closes what it opens. */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
    }

    /** Creates namespace {@code name}. */
    public void createNamespace(String name) {
        admin.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    }

    /** Applies the CRD in {@code yaml} (server-side, as {@code kubectl apply --server-side}) and waits until it is established. */
    public void applyCrd(String yaml) {
        CustomResourceDefinition crd = admin.apiextensions().v1().customResourceDefinitions()
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).item();
        admin.resource(crd).fieldManager("kubectl").forceConflicts().serverSideApply();
        awaitEstablished(crd.getMetadata().getName());
    }

    /** As {@link #applyCrd(String)}, from a file. */
    public void applyCrd(Path file) {
        try {
            applyCrd(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the CRD {@code name} is established. */
    public void awaitEstablished(String name) {
        admin.apiextensions().v1().customResourceDefinitions().withName(name)
                .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                                && c.getStatus().getConditions().stream()
                                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                        60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close();
        server.stop();
    }
}
