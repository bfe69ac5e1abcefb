package com.tencentcloud.trtc.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubeapitest.Utils;
import io.fabric8.kubeapitest.binary.OSInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the sandbox decides, from the file system alone, whether a real API server can start without a download. */
class RealKubeApiTest {

    @Test
    void completeExecutableBinariesForThisPlatformAreFound(@TempDir Path dir) throws IOException {
        Path version = dir.resolve("k8s").resolve("1.34.1" + Utils.platformSuffix(new OSInfo()));
        Files.createDirectories(version);
        for (String binary : new String[] {"etcd", "kube-apiserver", "kubectl"}) {
            Files.writeString(version.resolve(binary), "#!/bin/sh\n");
            assertThat(version.resolve(binary).toFile().setExecutable(true)).isTrue();
        }

        assertThat(RealKubeApi.binariesPresent(Map.of("KUBE_API_TEST_DIR", dir.toString()))).isTrue();
        assertThat(RealKubeApi.binariesPresent(Map.of("KUBE_API_TEST_DIR", dir.toString(),
                "KUBE_API_TEST_API_SERVER_VERSION", "1.30.0"))).isFalse();
    }

    @Test
    void aMissingOrIncompleteBinaryFolderMeansTheMockServer(@TempDir Path dir) throws IOException {
        assertThat(RealKubeApi.binariesPresent(Map.of("KUBE_API_TEST_DIR", dir.resolve("absent").toString()))).isFalse();

        Path version = dir.resolve("k8s").resolve("1.34.1" + Utils.platformSuffix(new OSInfo()));
        Files.createDirectories(version);
        Files.writeString(version.resolve("kube-apiserver"), "#!/bin/sh\n");
        assertThat(version.resolve("kube-apiserver").toFile().setExecutable(true)).isTrue();

        assertThat(RealKubeApi.binariesPresent(Map.of("KUBE_API_TEST_DIR", dir.toString()))).isFalse();
    }
}
