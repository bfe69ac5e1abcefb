package com.tencentcloud.trtc.operator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/** Finds a Secret by namespace and name; in the operator, from the informer's cache. */
@FunctionalInterface
public interface SecretLookup {

    Optional<Secret> find(String namespace, String name);
}
