package com.tencentcloud.trtc.operator.it;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.Utils;
import io.fabric8.kubeapitest.binary.Binaries;
import io.fabric8.kubeapitest.binary.BinaryManager;
import io.fabric8.kubeapitest.binary.OSInfo;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one real Kubernetes API server of an {@code *IT} run: etcd and kube-apiserver of the version pinned in
 * {@code src/test/apiserver/kube-apiserver/go.mod}, started once on first use and stopped when the run ends.
 *
 * <p>As a JUnit extension ({@code @ExtendWith(RealApiServer.class)}) it decides whether an IT may run: with the
 * binaries present it runs; without them it is skipped with a message saying how to get them, except under
 * {@code CI=true}, where a skipped IT would hide a whole tier and so fails instead.
 *
 * <p>Tests share the server, so each works in a namespace of its own ({@link #newNamespace(String)}) and an operator
 * under test watches only its namespace. Namespaces are never deleted: the server has no namespace controller to
 * finish the deletion, and is thrown away at the end of the run.
 */
public final class RealApiServer implements ExecutionCondition {

    static final Path GO_MOD = Path.of("src", "test", "apiserver", "kube-apiserver", "go.mod");
    private static final Pattern KUBERNETES_REQUIRE = Pattern.compile("(?m)^\\s*(?:require\\s+)?k8s\\.io/kubernetes\\s+v(\\S+)");
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 46_656, 36);

    private static KubeAPIServer server;
    private static String kubeconfigYaml;
    private static KubernetesClient admin;
    private static boolean crdsInstalled;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (binariesPresent()) {
            return ConditionEvaluationResult.enabled("kube-apiserver " + version() + " binaries in " + binaryDir());
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException(skipReason() + " (CI=true: a skipped IT fails the run)");
        }
        return ConditionEvaluationResult.disabled(skipReason());
    }

    /** The Kubernetes version pinned in the provisioning module, such as {@code 1.34.4}. */
    public static String version() {
        try {
            Matcher m = KUBERNETES_REQUIRE.matcher(Files.readString(GO_MOD));
            if (!m.find()) {
                throw new IllegalStateException(GO_MOD + " requires no k8s.io/kubernetes version");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GO_MOD, e);
        }
    }

    /** Where kube-api-test looks for this version's binaries: {@code $KUBE_API_TEST_DIR/k8s/<version>-<os>-<arch>}. */
    public static Path binaryDir() {
        String base = Optional.ofNullable(System.getenv(KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR))
                .orElse(new File(System.getProperty("user.home"), KubeAPIServerConfigBuilder.DIRECTORY_NAME).getPath());
        return Path.of(base, BinaryManager.BINARY_LIST_DIR, version() + Utils.platformSuffix(new OSInfo()));
    }

    /** The kubectl of the binary directory, for tests that drive the server as a user would. */
    public static Path kubectl() {
        return binaryDir().resolve(Binaries.KUBECTL_BINARY_NAME);
    }

    public static boolean binariesPresent() {
        Path dir = binaryDir();
        return Stream.of(Binaries.API_SERVER_BINARY_NAME, Binaries.ETCD_BINARY_NAME, Binaries.KUBECTL_BINARY_NAME)
                .allMatch(b -> Files.isExecutable(dir.resolve(b)));
    }

    public static String skipReason() {
        return "no etcd, kube-apiserver and kubectl in " + binaryDir() + ": run 'bash src/test/apiserver/provision'"
                + " (needs Go; 'mvn -B verify' runs it) or put them there to run the IT tier on a real API server";
    }

    /** Starts the server on first use; later calls return at once. */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        KubeAPIServer started = newServer();
        started.start();
        kubeconfigYaml = started.getKubeConfigYaml();
        admin = newClient();
        server = started;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "real-api-server-stop"));
    }

    /**
     * A server of the pinned version on loopback, not started; for a test that needs a cluster of its own (one
     * without some CRDs, or with an earlier release's).
     */
    static KubeAPIServer newServer() {
        return new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withApiServerVersion(version())
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withApiServerFlag("--bind-address", "127.0.0.1")
                .withApiServerFlag("--advertise-address", "127.0.0.1")
                .build());
    }

    /** The cluster-admin kubeconfig of the server, as kube-api-test writes it. */
    public static String kubeconfigYaml() {
        start();
        return kubeconfigYaml;
    }

    /** The cluster-admin client shared by the tests; do not close it. */
    public static KubernetesClient client() {
        start();
        return admin;
    }

    /** A new cluster-admin client, for a test that closes what it opens. */
    public static KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
    }

    /** Creates a namespace no other test uses, named after {@code purpose}, and returns its name. */
    public static String newNamespace(String purpose) {
        String slug = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String name = (slug.length() > 40 ? slug.substring(0, 40) : slug).replaceAll("-+$", "")
                + "-" + RUN + "-" + NAMESPACES.incrementAndGet();
        client().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    /** Creates namespace {@code name} unless it exists, for tests whose manifests name fixed namespaces. */
    public static void ensureNamespace(String name) {
        client().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).createOr(r -> r.update());
    }

    /** Renders a kustomize directory with the IT tier's kubectl, as {@code kubectl kustomize DIR} does for a user. */
    public static String kustomize(Path dir) {
        try {
            Process kubectl = new ProcessBuilder(kubectl().toString(), "kustomize", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String yaml = new String(kubectl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed");
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Applies every CRD in {@code crds/} once per run and waits until each is established. */
    public static synchronized void installCrds() {
        if (crdsInstalled) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("crds"))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            CustomResourceDefinition crd = client().apiextensions().v1().customResourceDefinitions().load(file.toFile()).item();
            client().resource(crd).forceConflicts().serverSideApply();
            client().apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                    .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                                    && c.getStatus().getConditions().stream()
                                    .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                            60, TimeUnit.SECONDS);
        }
        crdsInstalled = true;
    }
}
