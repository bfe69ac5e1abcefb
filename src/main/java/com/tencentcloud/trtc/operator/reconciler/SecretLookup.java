package com.tencentcloud.trtc.operator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
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
}
