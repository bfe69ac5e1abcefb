package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Remembers what a stalled resource looked like, so that it is not retried until its spec (generation), a
 * Secret it refers to (resource version, or its appearance) or its TrtcAccount (generation, Secret, whether it allows
 * the namespace) has changed. What is remembered is what the
 * reconcile saw when it began, so a Secret that appears while a reconcile is stalling still counts as a change.
 * Held in memory: after a restart a stalled resource is tried once more, then stalls again.
 */
final class StallMemory {

    private final SecretLookup secrets;
    private final SecretResolver resolver;
    private final Map<String, String> observed = new ConcurrentHashMap<>();
    private final Map<String, String> stalled = new ConcurrentHashMap<>();

    StallMemory(SecretLookup secrets) {
        this(secrets, null);
    }

    /** With {@code resolver}, a change to the resource's TrtcAccount (or to whether it allows the namespace) counts too. */
    StallMemory(SecretLookup secrets, SecretResolver resolver) {
        this.secrets = secrets;
        this.resolver = resolver;
    }

    /**
     * Notes what the resource depends on at the start of a reconcile.
     *
     * @return whether it stalled before and nothing it depends on has changed since
     */
    boolean observe(CloudRecording r) {
        String uid = r.getMetadata().getUid();
        String now = fingerprint(r);
        observed.put(uid, now);
        return now.equals(stalled.get(uid));
    }

    /** The reconcile that last called {@link #observe} stalled. */
    void remember(CloudRecording r) {
        String uid = r.getMetadata().getUid();
        String seen = observed.get(uid);
        if (seen != null) {
            stalled.put(uid, seen);
        }
    }

    void forget(CloudRecording r) {
        observed.remove(r.getMetadata().getUid());
        stalled.remove(r.getMetadata().getUid());
    }

    private String fingerprint(CloudRecording r) {
        String namespace = r.getMetadata().getNamespace();
        return r.getMetadata().getGeneration() + "|" + SecretResolver.referencedSecretNames(r).stream().sorted()
                .map(name -> name + "@" + secrets.resourceVersion(namespace, name).orElse("absent"))
                .collect(Collectors.joining(",")) + (resolver == null ? "" : "|" + resolver.accountFingerprint(r));
    }
}
