package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class SecretValuesTest {

    KubernetesClient client;
    KubernetesMockServer server;

    private final Map<String, Secret> informer = new ConcurrentHashMap<>();

    @Test
    void informerKeepsNoDataLabelsOrAnnotations() {
        Secret stored = SecretValues.METADATA_ONLY.apply(new SecretBuilder().withNewMetadata().withName("helm-release")
                .withNamespace("media").withUid("u1").withResourceVersion("7").addToLabels("owner", "helm")
                .addToAnnotations("a", "b").endMetadata().addToData("release", "x".repeat(100_000)).build());
        assertThat(stored.getData()).isNullOrEmpty();
        assertThat(stored.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(stored.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(stored.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(stored.getMetadata().getName()).isEqualTo("helm-release");
    }

    @Test
    void aReferencedSecretIsReadOnceWhileItsVersionStaysAndAgainWhenItChanges() {
        SecretValues values = new SecretValues((ns, name) -> Optional.ofNullable(informer.get(ns + "/" + name)), client);
        put("creds", "one");
        int before = server.getRequestCount();

        assertThat(value(values.find("media", "creds"))).isEqualTo("one");
        assertThat(value(values.find("media", "creds"))).isEqualTo("one");
        assertThat(server.getRequestCount() - before).as("GETs while the version is unchanged").isEqualTo(1);

        put("creds", "two");
        int afterChange = server.getRequestCount();
        assertThat(value(values.find("media", "creds"))).isEqualTo("two");
        assertThat(value(values.find("media", "creds"))).isEqualTo("two");
        assertThat(server.getRequestCount() - afterChange).as("GETs after the version changed").isEqualTo(1);
        assertThat(values.resourceVersion("media", "creds")).isEqualTo(Optional.of(informer.get("media/creds").getMetadata().getResourceVersion()));
    }

    @Test
    void aSecretTheInformerDoesNotShowIsAbsentAndForgotten() {
        SecretValues values = new SecretValues((ns, name) -> Optional.ofNullable(informer.get(ns + "/" + name)), client);
        put("creds", "one");
        values.find("media", "creds");
        assertThat(values.held()).isEqualTo(1);
        informer.remove("media/creds");
        int before = server.getRequestCount();
        assertThat(values.find("media", "creds")).isEmpty();
        assertThat(values.held()).isZero();
        assertThat(server.getRequestCount()).as("no read for a Secret the watch says is gone").isEqualTo(before);
    }

    @Test
    void unreferencedSecretsAreNeverRead() {
        SecretValues values = new SecretValues((ns, name) -> Optional.ofNullable(informer.get(ns + "/" + name)), client);
        put("helm-release", "big");
        int before = server.getRequestCount();
        assertThat(values.resourceVersion("media", "helm-release")).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(before);
        assertThat(values.held()).isZero();
    }

    @Test
    void theCallbackReadAnswersFromWhatAReconcileReadWithoutAnotherRequest() {
        SecretValues values = new SecretValues((ns, name) -> Optional.ofNullable(informer.get(ns + "/" + name)), client);
        put("creds", "one");
        values.find("media", "creds");
        int before = server.getRequestCount();
        assertThat(value(values.findWithin("media", "creds", Duration.ofMillis(200)))).isEqualTo("one");
        assertThat(server.getRequestCount()).as("no GET for a Secret held at its current version").isEqualTo(before);

        put("creds", "two");
        assertThat(value(values.findWithin("media", "creds", Duration.ofSeconds(2)))).as("a changed Secret is read again")
                .isEqualTo("two");
    }

    @Test
    void theCallbackReadGivesUpAfterItsTimeoutWhenTheApiServerDoesNotAnswer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             KubernetesClient stuck = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                     .withMasterUrl("http://127.0.0.1:" + silent.getLocalPort()).withRequestTimeout(30_000)
                     .withRequestRetryBackoffLimit(0).build()).build()) {
            informer.put("media/creds", new SecretBuilder().withNewMetadata().withName("creds").withNamespace("media")
                    .withResourceVersion("1").endMetadata().build());
            SecretValues values = new SecretValues((ns, name) -> Optional.ofNullable(informer.get(ns + "/" + name)), stuck);
            long start = System.nanoTime();
            assertThat(values.findWithin("media", "creds", Duration.ofMillis(300))).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private void put(String name, String value) {
        Secret s = client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace("media").endMetadata()
                .addToStringData("secretKey", value).build()).createOr(r -> r.update());
        informer.put("media/" + name, SecretValues.METADATA_ONLY.apply(s));
    }

    private static String value(Optional<Secret> s) {
        Secret secret = s.orElseThrow();
        if (secret.getStringData() != null && secret.getStringData().containsKey("secretKey")) {
            return secret.getStringData().get("secretKey");
        }
        return new String(java.util.Base64.getDecoder().decode(secret.getData().get("secretKey")));
    }
}
