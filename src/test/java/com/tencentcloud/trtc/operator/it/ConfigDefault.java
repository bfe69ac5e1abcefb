package com.tencentcloud.trtc.operator.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The install a user makes with {@code kubectl apply -k config/default}: rendered by kubectl's kustomize, applied
 * server-side to the real API server, and the identity and a token of its ServiceAccount.
 */
final class ConfigDefault {

    private final ServiceAccount serviceAccount;

    private ConfigDefault(ServiceAccount serviceAccount) {
        this.serviceAccount = serviceAccount;
    }

    /** Applies {@code config/default} once per run (server-side, as its field manager) and returns it. */
    static synchronized ConfigDefault applyTo(KubernetesClient client) {
        List<HasMetadata> objects = client.load(new ByteArrayInputStream(RealApiServer.kustomize(Path.of("config", "default"))
                .getBytes(StandardCharsets.UTF_8))).items();
        for (HasMetadata object : objects) {
            client.resource(object).fieldManager("config-default-it").forceConflicts().serverSideApply();
        }
        ServiceAccount sa = objects.stream().filter(ServiceAccount.class::isInstance).map(ServiceAccount.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("config/default has no ServiceAccount"));
        return new ConfigDefault(sa);
    }

    /** {@code system:serviceaccount:<namespace>:<name>}, as the API server names the pod's identity. */
    String user() {
        return "system:serviceaccount:" + serviceAccount.getMetadata().getNamespace() + ":" + serviceAccount.getMetadata().getName();
    }

    /** The groups every token of that ServiceAccount carries. */
    List<String> groups() {
        return List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace(), "system:authenticated");
    }

    String namespace() {
        return serviceAccount.getMetadata().getNamespace();
    }

    /**
     * Writes a kubeconfig for the server of {@code adminKubeconfig} whose only credential is a token the API server
     * issued to the ServiceAccount (TokenRequest, as the kubelet mounts one into the pod), so whatever uses it, kubectl
     * or the operator's Fabric8 client, has exactly the rights the install grants the pod. Impersonation through the
     * kubeconfig's {@code as} would not do: Fabric8 ignores it and would go on as cluster-admin.
     */
    @SuppressWarnings("unchecked")
    Path serviceAccountKubeconfig(KubernetesClient admin, String adminKubeconfig, Path dir) throws IOException {
        TokenRequest request = admin.serviceAccounts().inNamespace(namespace()).withName(serviceAccount.getMetadata().getName())
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build());
        Map<String, Object> config = Serialization.unmarshal(adminKubeconfig, Map.class);
        for (Object entry : (List<Object>) config.get("users")) {
            ((Map<String, Object>) entry).put("user", Map.of("token", request.getStatus().getToken()));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("kubeconfig-" + serviceAccount.getMetadata().getName());
        Files.writeString(file, Serialization.asYaml(config));
        return file;
    }
}
