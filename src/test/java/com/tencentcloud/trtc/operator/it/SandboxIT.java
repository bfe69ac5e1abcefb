package com.tencentcloud.trtc.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.sandbox.ListeningSockets;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's first command with the real API server: {@code java -jar target/trtc-recording-operator.jar sandbox}
 * starts etcd, kube-apiserver, the emulator and the operator, every sample recording gets a TaskId, and every socket
 * of the whole process tree (the callback receiver's included) listens on loopback only. With
 * {@code --fail-recording-after}, the emulator ends each recording's first task by fault and its 302 reaches the
 * operator through the receiver.
 */
@ExtendWith(RealApiServer.class)
class SandboxIT {

    private static final Pattern RECORDING = Pattern.compile("\\bCloudRecording ");

    @Test
    void everyRecordingGetsATaskIdAndNothingListensBeyondLoopback() throws Exception {
        Path kubeconfig = Path.of("target", "it-logs", "sandbox-kubeconfig");
        try (JarProcess sandbox = JarProcess.start("sandbox", Map.of(
                KubeAPIServerConfigBuilder.KUBE_API_TEST_API_SERVER_VERSION, RealApiServer.version(),
                KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR, RealApiServer.binaryDir().getParent().getParent().toString()),
                "sandbox", "--real-api-server", "--duration", "40s", "--kubeconfig", kubeconfig.toString(),
                "--fail-recording-after", "10s")) {
            sandbox.awaitLine(l -> l.contains("Kubernetes API") && l.contains("real kube-apiserver"), Duration.ofSeconds(90));
            long recordings = RECORDING.matcher(sandbox.awaitLine(l -> l.startsWith("applying "), Duration.ofSeconds(90)))
                    .results().count();
            assertThat(recordings).isPositive();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    sandbox.output().lines().filter(l -> l.contains("anchor ") && l.contains(" joined room ")).count() >= recordings);

            List<ListeningSockets.Listener> sockets = ListeningSockets.ofTree(sandbox.handle());
            assertThat(sockets).extracting(ListeningSockets.Listener::command).contains("etcd", "kube-apiserver", "java");
            assertThat(sockets).as("every socket of the sandbox's process tree").allSatisfy(l ->
                    assertThat(l.loopback()).as(l.toString()).isTrue());
            System.out.println("sandbox sockets: " + sockets);

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    sandbox.output().lines().filter(l -> l.contains(" ended by fault: LeaveCode 100 (emulator)")).count() >= recordings);

            assertThat(sandbox.awaitExit(Duration.ofSeconds(90))).as(sandbox.output()).isZero();
            assertThat(sandbox.output()).containsPattern("sandbox: (\\d+) recording\\(s\\), \\1 with a TaskId, 0 stalled");
        }
    }
}
