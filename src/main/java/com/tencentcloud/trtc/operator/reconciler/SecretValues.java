package com.tencentcloud.trtc.operator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The Secrets the operator reads, without caching every Secret of every watched namespace.
 *
 * <p>The Secret informer keeps metadata only ({@link #METADATA_ONLY}: name, namespace, uid, resource version), so
 * its events still re-trigger the resources that refer to a Secret the moment it appears or changes, but a Helm
 * release or any other unrelated Secret costs a few hundred bytes instead of its data. The data of a Secret is read
 * with a GET the first time a resource needs it and kept for as long as the informer shows the same resource
 * version; a new version is read again, a deleted Secret is forgotten. So only Secrets that resources refer to are
 * held with their data, once each, whatever the number of resources referring to them.
 *
 * <p>The callback receiver reads through {@link #findWithin}: a Secret a reconcile has read is answered from memory,
 * and a miss (a Secret changed since) is one GET that the receiver stops waiting for after a short timeout.
 *
 * <p>RBAC stays {@code get}, {@code list}, {@code watch} on Secrets. Thread-safe.
 */
public final class SecretValues implements SecretLookup {

    /** What the Secret informer stores of each Secret. */
    public static final UnaryOperator<Secret> METADATA_ONLY = s -> new SecretBuilder().withNewMetadata()
            .withName(s.getMetadata().getName()).withNamespace(s.getMetadata().getNamespace())
            .withUid(s.getMetadata().getUid()).withResourceVersion(s.getMetadata().getResourceVersion())
            .endMetadata().build();

    private final BiFunction<String, String, Optional<Secret>> metadata;
    private final KubernetesClient client;
    private final Map<String, Secret> read = new ConcurrentHashMap<>();
    private final ExecutorService bounded = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "secret-values-read");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param metadata the informer's metadata-only copy of a Secret, by namespace and name
     * @param client   reads a Secret's data
     */
    public SecretValues(BiFunction<String, String, Optional<Secret>> metadata, KubernetesClient client) {
        this.metadata = metadata;
        this.client = client;
    }

    @Override
    public Optional<Secret> find(String namespace, String name) {
        String key = namespace + "/" + name;
        Optional<String> version = resourceVersion(namespace, name);
        if (version.isEmpty()) {
            read.remove(key);
            return Optional.empty();
        }
        Secret known = read.get(key);
        if (known != null && Objects.equals(known.getMetadata().getResourceVersion(), version.get())) {
            return Optional.of(known);
        }
        Secret fresh = client.secrets().inNamespace(namespace).withName(name).get();
        if (fresh == null) {
            read.remove(key);
            return Optional.empty();
        }
        Secret kept = new SecretBuilder().withMetadata(METADATA_ONLY.apply(fresh).getMetadata())
                .withData(fresh.getData()).withStringData(fresh.getStringData()).build();
        read.put(key, kept);
        return Optional.of(kept);
    }

    @Override
    public Optional<Secret> findWithin(String namespace, String name, Duration timeout) {
        Optional<String> version = resourceVersion(namespace, name);
        Secret known = read.get(namespace + "/" + name);
        if (version.isPresent() && known != null && Objects.equals(known.getMetadata().getResourceVersion(), version.get())) {
            return Optional.of(known);
        }
        CompletableFuture<Optional<Secret>> reading = CompletableFuture.supplyAsync(() -> find(namespace, name), bounded);
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> resourceVersion(String namespace, String name) {
        return metadata.apply(namespace, name).map(s -> s.getMetadata().getResourceVersion());
    }

    /** How many Secrets are held with their data. */
    int held() {
        return read.size();
    }
}
