package com.tencentcloud.trtc.operator.sandbox;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.Utils;
import io.fabric8.kubeapitest.binary.Binaries;
import io.fabric8.kubeapitest.binary.BinaryManager;
import io.fabric8.kubeapitest.binary.OSInfo;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real etcd + kube-apiserver started by {@code io.fabric8:kube-api-test} as child processes, with a kubeconfig
 * written for {@code kubectl}. The user's own kubeconfig is never touched. kube-apiserver is told to bind and
 * advertise 127.0.0.1; kube-api-test gives etcd {@code 0.0.0.0}, which only the binaries built by
 * {@code src/test/apiserver/provision} turn into loopback, so {@link Sandbox} checks the sockets after start.
 */
final class RealKubeApi implements KubeApi {

    private final KubeAPIServer server;
    private final String kubeconfigYaml;
    private final Path kubeconfig;

    private RealKubeApi(KubeAPIServer server, String kubeconfigYaml, Path kubeconfig) {
        this.server = server;
        this.kubeconfigYaml = kubeconfigYaml;
        this.kubeconfig = kubeconfig;
    }

    /**
     * Whether complete binaries (etcd, kube-apiserver, kubectl) for this platform are in
     * {@code $KUBE_API_TEST_DIR/k8s/} (default {@code ~/.kubeapitest/k8s/}); looks at the file system only.
     */
    static boolean binariesPresent(Map<String, String> env) {
        String base = Optional.ofNullable(env.get(KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR))
                .orElse(new File(System.getProperty("user.home"), KubeAPIServerConfigBuilder.DIRECTORY_NAME).getPath());
        String suffix = Utils.platformSuffix(new OSInfo());
        String version = env.get(KubeAPIServerConfigBuilder.KUBE_API_TEST_API_SERVER_VERSION);
        File[] candidates = new File(base, BinaryManager.BINARY_LIST_DIR)
                .listFiles((d, n) -> n.endsWith(suffix) && (version == null || n.equals(version + suffix)));
        return candidates != null && Arrays.stream(candidates).anyMatch(c ->
                new File(c, Binaries.API_SERVER_BINARY_NAME).canExecute()
                        && new File(c, Binaries.ETCD_BINARY_NAME).canExecute()
                        && new File(c, Binaries.KUBECTL_BINARY_NAME).canExecute());
    }

    /**
     * Starts the server and writes its kubeconfig to {@code kubeconfig}.
     *
     * @param download whether kube-api-test may download binaries it cannot find
     * @param timeout  how long start-up (including any download) may take before it is abandoned
     * @throws IllegalStateException with a one-line reason when the server cannot be started in time
     */
    static RealKubeApi start(boolean download, Duration timeout, Path kubeconfig) {
        KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withOfflineMode(!download)
                .withUpdateKubeConfig(false)
                .withApiServerFlag("--bind-address", "127.0.0.1")
                .withApiServerFlag("--advertise-address", "127.0.0.1")
                .build());
        FutureTask<String> startup = new FutureTask<>(() -> {
            server.start();
            return server.getKubeConfigYaml();
        });
        Thread thread = new Thread(startup, "sandbox-kube-api-server-start");
        thread.setDaemon(true);
        thread.start();
        String yaml;
        try {
            yaml = startup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            startup.cancel(true);
            stopQuietly(server);
            throw new IllegalStateException("the real API server did not start within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            stopQuietly(server);
            throw new IllegalStateException("the real API server did not start: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(server);
            throw new IllegalStateException("interrupted while starting the real API server");
        }
        try {
            Path parent = kubeconfig.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(kubeconfig, yaml);
        } catch (IOException e) {
            stopQuietly(server);
            throw new UncheckedIOException("cannot write the kubeconfig " + kubeconfig, e);
        }
        return new RealKubeApi(server, yaml, kubeconfig.toAbsolutePath());
    }

    private static void stopQuietly(KubeAPIServer server) {
        try {
            server.stop();
        } catch (RuntimeException ignored) {
            // start-up already failed; that failure is the one reported
        }
    }

    @Override
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
    }

    @Override
    public boolean serverSideApply() {
        return true;
    }

    @Override
    public boolean reportsCrdConditions() {
        return true;
    }

    @Override
    public String describe() {
        return "real kube-apiserver (kube-api-test), kubeconfig " + kubeconfig;
    }

    @Override
    public Optional<Path> kubeconfig() {
        return Optional.of(kubeconfig);
    }

    @Override
    public void close() {
        server.stop();
        try {
            Files.deleteIfExists(kubeconfig);
        } catch (IOException ignored) {
            // a stale kubeconfig points at a stopped server, which kubectl reports plainly
        }
    }
}
