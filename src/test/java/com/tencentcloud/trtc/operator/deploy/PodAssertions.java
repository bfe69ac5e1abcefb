package com.tencentcloud.trtc.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What every rendering of the manager pod must satisfy, however it was installed. */
final class PodAssertions {

    private PodAssertions() {
    }

    static Container onlyContainer(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        assertThat(pod.getInitContainers()).isNullOrEmpty();
        return pod.getContainers().get(0);
    }

    /** The restricted Pod Security Standard, plus a read-only root filesystem with a writable /tmp. */
    static void assertRestricted(PodSpec pod) {
        PodSecurityContext podContext = pod.getSecurityContext();
        assertThat(podContext.getRunAsNonRoot()).isTrue();
        assertThat(podContext.getRunAsUser()).isEqualTo(65532L);
        assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);

        Container container = onlyContainer(pod);
        SecurityContext context = container.getSecurityContext();
        assertThat(context.getRunAsNonRoot()).isTrue();
        assertThat(context.getAllowPrivilegeEscalation()).isFalse();
        assertThat(context.getReadOnlyRootFilesystem()).isTrue();
        assertThat(context.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();

        VolumeMount tmp = container.getVolumeMounts().stream()
                .filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError("no /tmp mount"));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
        assertThat(volume.getEmptyDir()).isNotNull();
        assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
    }

    /** Liveness on /healthz and readiness on /readyz, both on the metrics port 8080. */
    static void assertProbes(Container container) {
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getContainerPort()).isEqualTo(8080);
            assertThat(port.getName()).isEqualTo("http-metrics");
            assertThat(port.getProtocol()).isEqualTo("TCP");
        });
        assertProbe(container.getLivenessProbe(), "/healthz");
        assertProbe(container.getReadinessProbe(), "/readyz");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        Object port = probe.getHttpGet().getPort().getStrVal() != null
                ? probe.getHttpGet().getPort().getStrVal()
                : probe.getHttpGet().getPort().getIntVal();
        assertThat(port).isIn("http-metrics", 8080);
        assertThat(probe.getPeriodSeconds()).isPositive();
        assertThat(probe.getTimeoutSeconds()).isPositive();
    }

    static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    static Optional<String> value(Container container, String name) {
        return Optional.ofNullable(env(container).get(name)).map(EnvVar::getValue);
    }

    static void assertPodNamespaceFromDownwardApi(Container container) {
        EnvVar podNamespace = env(container).get("POD_NAMESPACE");
        assertThat(podNamespace).as("POD_NAMESPACE").isNotNull();
        assertThat(podNamespace.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
    }

    static void assertSecretKeyRef(Container container, String variable, String secret, String key, boolean optional) {
        EnvVar var = env(container).get(variable);
        assertThat(var).as(variable).isNotNull();
        assertThat(var.getValue()).as(variable + " has no literal value").isNull();
        assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret);
        assertThat(var.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key);
        if (optional) {
            assertThat(var.getValueFrom().getSecretKeyRef().getOptional()).as(variable + " optional").isTrue();
        } else {
            assertThat(var.getValueFrom().getSecretKeyRef().getOptional()).as(variable + " required").isNotEqualTo(Boolean.TRUE);
        }
    }
}
