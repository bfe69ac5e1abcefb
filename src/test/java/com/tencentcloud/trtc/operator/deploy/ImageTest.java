package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image {@code jib:buildTar} builds, offline, on a base tarball made here: it carries the operator's runtime and
 * none of the sandbox (its libraries, classes or samples), and that runtime is enough to start the operator.
 */
class ImageTest {

    /** Artifacts that only the sandbox needs: the mock API server, kube-api-test, and what only they bring. */
    static final List<String> SANDBOX_ONLY = List.of("kubernetes-server-mock-", "mockwebserver-", "vertx-", "netty-codec-http2-",
            "netty-codec-socks-", "netty-codec-dns-", "netty-handler-proxy-", "netty-resolver-dns-",
            "kube-api-test-", "bcprov-", "bcpkix-", "bcutil-", "commons-compress-", "commons-io-", "commons-codec-");

    static final Path ROOT = Manifests.projectRoot();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static Path rootfs;
    static JsonNode config;

    @BeforeAll
    static void buildImage() throws Exception {
        assumeTrue(KustomizeRenderTest.onPath("tar"), "tar is not on the PATH; the image is not built");
        Path base = baseImage(work.resolve("base"));
        Path out = work.resolve("out");
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q"));
        if (System.getProperty("build.localRepository") != null) {
            command.add("-Dmaven.repo.local=" + System.getProperty("build.localRepository"));
        }
        command.addAll(List.of("jib:buildTar", "-Djib.from.image=tar://" + base,
                "-Djib.outputPaths.tar=" + out.resolve("image.tar"),
                "-Djib.outputPaths.digest=" + out.resolve("digest"),
                "-Djib.outputPaths.imageId=" + out.resolve("id"),
                "-Djib.outputPaths.imageJson=" + out.resolve("image.json"),
                "-Djib.applicationCache=" + work.resolve("cache"),
                "-Djib.baseImageCache=" + work.resolve("base-cache")));
        run(command, ROOT, Duration.ofMinutes(5));

        Path image = work.resolve("image");
        Files.createDirectories(image);
        run(List.of("tar", "-xf", out.resolve("image.tar").toString(), "-C", image.toString()), work, Duration.ofMinutes(1));
        JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(image.resolve(manifest.get("Config").asText()).toFile());
        rootfs = work.resolve("rootfs");
        Files.createDirectories(rootfs);
        for (JsonNode layer : manifest.get("Layers")) {
            run(List.of("tar", "-xzf", image.resolve(layer.asText()).toString(), "-C", rootfs.toString()), work,
                    Duration.ofMinutes(1));
        }
    }

    @Test
    void libsHoldTheOperatorsRuntimeAndNoneOfTheSandboxs() throws IOException {
        List<String> libs = libs();

        assertThat(libs).filteredOn(jar -> SANDBOX_ONLY.stream().anyMatch(jar::startsWith)).isEmpty();
        assertThat(libs).anyMatch(jar -> jar.startsWith("operator-framework-core-"))
                .anyMatch(jar -> jar.startsWith("kubernetes-client-"))
                .anyMatch(jar -> jar.startsWith("kubernetes-httpclient-okhttp-"))
                .anyMatch(jar -> jar.startsWith("okhttp-"))
                .anyMatch(jar -> jar.startsWith("logback-classic-"))
                .anyMatch(jar -> jar.startsWith("micrometer-registry-prometheus-"))
                .anyMatch(jar -> jar.startsWith("bucket4j_jdk17-core-"));
        long bytes = 0;
        for (String jar : libs) {
            bytes += Files.size(rootfs.resolve("app/libs").resolve(jar));
        }
        System.out.printf("image /app/libs: %d jars, %.1f MiB%n", libs.size(), bytes / 1048576.0);
    }

    @Test
    void carriesNoSandboxClassesOrSamples() throws IOException {
        try (Stream<Path> files = Files.walk(rootfs.resolve("app"))) {
            assertThat(files.map(rootfs::relativize).map(Path::toString)).isNotEmpty()
                    .noneMatch(path -> path.contains("sandbox"));
        }
        assertThat(rootfs.resolve("app/classes/com/tencentcloud/trtc/operator/app/Main.class")).isRegularFile();
    }

    @Test
    void entrypointRunsMainAsTheNumericNonRootUser() {
        assertThat(config.at("/config/Entrypoint").toString()).contains("com.tencentcloud.trtc.operator.app.Main");
        assertThat(config.at("/config/User").asText()).isEqualTo("65532:65532");
    }

    @Test
    void sandboxOnTheImagesClasspathSaysInOneLineWhereToRunIt() throws Exception {
        Path stdout = work.resolve("sandbox.out");
        Path stderr = work.resolve("sandbox.err");
        Process process = new ProcessBuilder(imageJava("sandbox")).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the sandbox command returned").isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(stdout)).isEmpty();
        assertThat(Files.readAllLines(stderr)).singleElement().asString()
                .contains("the sandbox is not in this image")
                .contains("java -jar target/trtc-recording-operator.jar sandbox");
    }

    @Test
    void operatorStartsAndIsReadyOnTheImagesClasspath() throws Exception {
        KubernetesMockServer api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        api.init(InetAddress.getLoopbackAddress(), 0);
        Process operator = null;
        try (KubernetesClient client = api.createClient();
             InputStream crd = Files.newInputStream(ROOT.resolve("crds/cloudrecordings.trtc.tencentcloud.com-v1.yml"))) {
            client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class)).create();
            Path kubeconfig = work.resolve("kubeconfig");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: mock, cluster: {server: "http://127.0.0.1:%d"}}]
                    users: [{name: mock, user: {}}]
                    contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: default}}]
                    current-context: mock
                    """.formatted(api.getPort()));
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(imageJava()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("operator.log").toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("TENCENTCLOUD_") || name.startsWith("TRTC_")
                    || name.startsWith("KUBERNETES_") || name.equals("WATCH_NAMESPACES") || name.equals("LEADER_ELECTION"));
            env.putAll(Map.of("KUBECONFIG", kubeconfig.toString(), "METRICS_PORT", Integer.toString(port),
                    "METRICS_BIND_ADDRESS", "127.0.0.1", "SERVER_SIDE_APPLY", "false", "TRTC_ENDPOINT", "http://127.0.0.1:9",
                    "LOG_LEVEL", "WARN"));
            operator = builder.start();
            Process running = operator;
            HttpClient http = HttpClient.newHttpClient();
            URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
            Awaitility.await("/readyz answers 200").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> {
                        assertThat(running.isAlive()).as("operator running; log: %s",
                                Files.readString(work.resolve("operator.log"))).isTrue();
                        return http.send(HttpRequest.newBuilder(readyz).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 200;
                    });
        } finally {
            if (operator != null) {
                operator.destroy();
                operator.waitFor(30, TimeUnit.SECONDS);
            }
            api.destroy();
        }
    }

    /** {@code java -cp <the image's classpath, under rootfs> <the image's main class> args}. */
    static List<String> imageJava(String... args) throws IOException {
        String classpath = Stream.of(Files.readString(rootfs.resolve("app/jib-classpath-file")).trim().split(":"))
                .map(entry -> rootfs.resolve(entry.substring(1)).toString())
                .collect(Collectors.joining(":"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, Files.readString(rootfs.resolve("app/jib-main-class-file")).trim()));
        command.addAll(List.of(args));
        return command;
    }

    static List<String> libs() throws IOException {
        try (Stream<Path> jars = Files.list(rootfs.resolve("app/libs"))) {
            return jars.map(jar -> jar.getFileName().toString()).sorted().toList();
        }
    }

    /** A base image as {@code docker save} writes it: one layer with one file, its config and manifest. */
    static Path baseImage(Path dir) throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("etc"));
        Files.writeString(content.resolve("etc/base-image"), "test base\n");
        Path image = dir.resolve("image");
        Files.createDirectories(image);
        run(List.of("tar", "-cf", image.resolve("layer.tar").toString(), "-C", content.toString(), "etc"), dir,
                Duration.ofMinutes(1));
        String diffId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(image.resolve("layer.tar"))));
        Files.writeString(image.resolve("config.json"), """
                {"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}
                """.formatted(diffId));
        Files.writeString(image.resolve("manifest.json"),
                "[{\"Config\":\"config.json\",\"RepoTags\":[\"base:test\"],\"Layers\":[\"layer.tar\"]}]");
        Path tar = dir.resolve("base.tar");
        run(List.of("tar", "-cf", tar.toString(), "-C", image.toString(), "config.json", "manifest.json", "layer.tar"),
                dir, Duration.ofMinutes(1));
        return tar;
    }

    static String maven() {
        String home = System.getProperty("maven.home");
        return home == null ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    static void run(List<String> command, Path dir, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        boolean done = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("%s finished within %s", command.get(0), timeout).isTrue();
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), Files.readString(log, StandardCharsets.UTF_8))
                .isZero();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
