package com.tencentcloud.trtc.operator.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.nio.file.Path;

/** The Kubernetes API the sandbox runs: started by its factory, stopped by {@link #close()}. */
interface KubeApi extends AutoCloseable {

    /** A new client of this API server; the caller closes it. */
    KubernetesClient newClient();

    /** Whether the operator may patch with server-side apply (the mock server answers 415). */
    boolean serverSideApply();

    /** Whether this server reports CRD conditions such as {@code Established} (the mock server does not). */
    boolean reportsCrdConditions();

    /** One line for the banner: what kind of server, and where. */
    String describe();

    /** The kubeconfig written for {@code kubectl}, when the server is one kubectl can use. */
    Optional<Path> kubeconfig();

    @Override
    void close();
}
