package com.tencentcloud.trtc.operator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.util.Optional;

/** Finds a Secret by namespace and name; in the operator, through {@link SecretValues}. */
@FunctionalInterface
public interface SecretLookup {

    /** The Secret with its data, or empty when it does not exist. */
    Optional<Secret> find(String namespace, String name);

    /** The Secret's resource version, or empty when it does not exist; reads no data where it can avoid it. */
    default Optional<String> resourceVersion(String namespace, String name) {
        return find(namespace, name).map(s -> s.getMetadata().getResourceVersion());
    }

    /**
     * Like {@link #find}, for a caller that must not wait: what is already in memory, and otherwise a read that
     * gives up (empty) after {@code timeout}.
     */
    default Optional<Secret> findWithin(String namespace, String name, Duration timeout) {
        return find(namespace, name);
    }
}
