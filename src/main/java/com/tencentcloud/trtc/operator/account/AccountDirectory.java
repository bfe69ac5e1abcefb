package com.tencentcloud.trtc.operator.account;

import com.tencentcloud.trtc.operator.mapping.SecretData;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.SecretReference;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccount;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What each {@link TrtcAccount} offers, and to whom (design §12): the one place the recording side asks "may a
 * CloudRecording in this namespace use this account, and with which key, region and rate budget?".
 *
 * <p>An account is known from memory once read: {@link TrtcAccountReconciler} refreshes it whenever the account, its
 * Secret or any namespace's labels change, and tells the {@linkplain #onChange listeners} (the CloudRecording
 * reconciler, which reconciles the account's users again). An account asked for before its first reconcile (at
 * start-up) is read with a GET, once. Namespace labels come from the account controller's informer, or a GET for a
 * namespace it has not seen yet.
 *
 * <p>Without the TrtcAccount CRD nothing here is ever found, and recordings that name an account stall with
 * {@value #REASON_NOT_FOUND}; recordings with their own Secret or the default credentials never ask. Secret values are
 * held in memory only, never put into a message. Thread-safe.
 */
public final class AccountDirectory {

    /** The recording names an account that does not exist. */
    public static final String REASON_NOT_FOUND = "AccountNotFound";
    /** The account's namespaceSelector does not match the recording's namespace. */
    public static final String REASON_NOT_ALLOWED = "AccountNotAllowed";
    /** The account's Secret, or a key in it, is missing. */
    public static final String REASON_NOT_READY = "AccountNotReady";

    /** The Secret version of a Secret that does not exist. */
    static final String ABSENT = "absent";
    /** The Secret version of a Secret in a namespace the operator does not watch: read again on every reconcile. */
    static final String UNWATCHED = "unwatched";
    static final String KEY_SECRET_ID = "secretId";
    static final String KEY_SECRET_KEY = "secretKey";
    static final String KEY_TOKEN = "token";
    static final String KEY_SDK_SECRET_KEY = "sdkSecretKey";
    static final String KEY_CALLBACK_KEY = "callbackKey";

    /**
     * What a recording may use of an account.
     *
     * @param region the account's default region, when it sets one
     * @param budget the rate budget shared by every call signed with the account's SecretId
     */
    public record Grant(String account, Credentials credentials, Optional<String> region, CallContext.RateBudget budget,
                        Optional<String> sdkSecretKey, Optional<String> callbackKey) {
    }

    /** The recording may not use the account; {@link #reason()} is the Stalled reason, the message names no value. */
    public static final class RefusedException extends Exception {

        private final String reason;

        public RefusedException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** One account as last read: its spec, and its Secret's values or what is missing from them. */
    record Entry(TrtcAccount account, String secretVersion, Map<String, String> values, Optional<String> problem) {

        String version() {
            return account.getMetadata().getGeneration() + "@" + secretVersion;
        }
    }

    private final KubernetesClient client;
    private final double defaultRateLimit;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile Function<String, Optional<Namespace>> namespaces = name -> Optional.empty();

    /**
     * @param client           reads accounts, their Secrets and namespaces not yet seen
     * @param defaultRateLimit requests per second per action of an account without {@code rateLimit}
     */
    public AccountDirectory(KubernetesClient client, double defaultRateLimit) {
        this.client = client;
        this.defaultRateLimit = defaultRateLimit;
    }

    /** Calls {@code listener} with an account's name whenever what it offers, or to whom, may have changed. */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * What a CloudRecording in {@code namespace} may use of the account named {@code account}.
     *
     * @throws RefusedException when the account does not exist, does not allow the namespace, or is not ready
     */
    public Grant resolve(String account, String namespace) throws RefusedException {
        Entry entry = entry(account).orElseThrow(() -> new RefusedException(REASON_NOT_FOUND,
                "TrtcAccount " + account + " not found (a platform team creates it; is the TrtcAccount CRD installed?)"));
        if (!allows(entry, namespace)) {
            throw new RefusedException(REASON_NOT_ALLOWED, entry.account().getSpec().getNamespaceSelector() == null
                    ? "TrtcAccount " + account + " has no namespaceSelector, so no namespace may use it"
                    : "TrtcAccount " + account + " does not allow namespace " + namespace
                    + ": its namespaceSelector does not match the namespace's labels");
        }
        if (entry.problem().isPresent()) {
            throw new RefusedException(REASON_NOT_READY, "TrtcAccount " + account + " is not ready: " + entry.problem().get());
        }
        Map<String, String> v = entry.values();
        var spec = entry.account().getSpec();
        double rate = spec.getRateLimit() != null ? spec.getRateLimit() : defaultRateLimit;
        return new Grant(account, new Credentials(v.get(KEY_SECRET_ID), v.get(KEY_SECRET_KEY), v.get(KEY_TOKEN)),
                Optional.ofNullable(spec.getRegion()), new CallContext.RateBudget(account, rate),
                Optional.ofNullable(v.get(KEY_SDK_SECRET_KEY)), Optional.ofNullable(v.get(KEY_CALLBACK_KEY)));
    }

    /**
     * The live-task limit per SdkAppId of the resource's account ({@code spec.maxConcurrentTasks}); empty when the
     * resource names no account, the account is unknown or sets none, so that the operator's default applies.
     */
    public OptionalInt maxConcurrentTasks(CloudRecording resource) {
        if (resource.getSpec() == null || resource.getSpec().getAccountRef() == null) {
            return OptionalInt.empty();
        }
        return entry(resource.getSpec().getAccountRef().getName())
                .map(e -> e.account().getSpec().getMaxConcurrentTasks())
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /**
     * Everything about the account that decides a recording's answer in {@code namespace}: changes exactly when
     * {@link #resolve} may answer differently, so that a stalled recording is tried again then and only then.
     */
    public String fingerprint(String account, String namespace) {
        return entry(account).map(e -> e.version() + (allows(e, namespace) ? "+" : "-")).orElse("absent");
    }

    /**
     * The account as known, read again (its Secret with a GET) unless the known entry has the account's generation
     * and the Secret's {@code secretVersion} ({@value #ABSENT} for none); tells the listeners when anything changed.
     */
    Entry refreshIfChanged(TrtcAccount account, String secretVersion) {
        Entry known = entries.get(account.getMetadata().getName());
        if (known != null && !UNWATCHED.equals(secretVersion) && known.version().equals(account.getMetadata().getGeneration() + "@" + secretVersion)) {
            return known;
        }
        return refresh(account);
    }

    /** Reads the account's Secret again and keeps the result; tells the listeners when anything changed. */
    Entry refresh(TrtcAccount account) {
        Entry fresh = read(account);
        Entry old = entries.put(account.getMetadata().getName(), fresh);
        if (old == null || !old.version().equals(fresh.version())) {
            changed(account.getMetadata().getName());
        }
        return fresh;
    }

    /** The account is gone. */
    void remove(String account) {
        if (entries.remove(account) != null) {
            changed(account);
        }
    }

    /** Tells the listeners that the account's users should look again (a namespace's labels changed). */
    void changed(String account) {
        listeners.forEach(l -> l.accept(account));
    }

    /** Where namespaces are looked up first; a namespace it does not know is read with a GET. */
    void useNamespaces(Function<String, Optional<Namespace>> cached) {
        this.namespaces = cached;
    }

    boolean allows(Entry entry, String namespace) {
        if (entry.account().getSpec().getNamespaceSelector() == null) {
            return false;
        }
        Optional<Namespace> ns = namespaces.apply(namespace);
        if (ns.isEmpty()) {
            ns = Optional.ofNullable(client.namespaces().withName(namespace).get());
        }
        return ns.isPresent() && LabelSelection.matches(entry.account().getSpec().getNamespaceSelector(),
                ns.get().getMetadata().getLabels());
    }

    private Optional<Entry> entry(String account) {
        Entry known = entries.get(account);
        if (known != null) {
            return Optional.of(known);
        }
        TrtcAccount read;
        try {
            read = client.resources(TrtcAccount.class).withName(account).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (read == null || read.getSpec() == null) {
            return Optional.empty();
        }
        return Optional.of(entries.computeIfAbsent(account, a -> read(read)));
    }

    private Entry read(TrtcAccount account) {
        SecretReference ref = account.getSpec().getCredentialsSecretRef();
        String where = "Secret " + ref.getNamespace() + "/" + ref.getName();
        Secret secret;
        try {
            secret = client.secrets().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            return new Entry(account, ABSENT, Map.of(), Optional.of(where + " cannot be read by the operator"
                    + " (with WATCH_NAMESPACES it reads Secrets only in the watched namespaces)"));
        }
        if (secret == null) {
            return new Entry(account, ABSENT, Map.of(), Optional.of(where + " not found"));
        }
        Map<String, String> values = new ConcurrentHashMap<>();
        for (String key : List.of(KEY_SECRET_ID, KEY_SECRET_KEY, KEY_TOKEN, KEY_SDK_SECRET_KEY, KEY_CALLBACK_KEY)) {
            SecretData.value(secret, key).ifPresent(v -> values.put(key, v));
        }
        Optional<String> missing = List.of(KEY_SECRET_ID, KEY_SECRET_KEY).stream().filter(k -> !values.containsKey(k))
                .findFirst().map(k -> where + " has no key " + k);
        return new Entry(account, secret.getMetadata().getResourceVersion(), Map.copyOf(values), missing);
    }
}
