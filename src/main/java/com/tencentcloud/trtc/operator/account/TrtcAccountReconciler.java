package com.tencentcloud.trtc.operator.account;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccount;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccountStatus;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.retention.FinishedArchive;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Keeps each {@link TrtcAccount}'s status and the {@link AccountDirectory} current, and holds an account that is in
 * use (design §12).
 *
 * <p>Three informers feed it, each keeping only what it needs: the Secrets accounts point to (metadata only; the data
 * is read with a GET when the version changes; with {@code WATCH_NAMESPACES}, an account's Secret must be in a
 * watched namespace, as the operator reads Secrets nowhere else), namespaces (metadata only, for their labels: a label change can
 * allow or refuse a namespace), and CloudRecordings (name and {@code spec.accountRef} only, to count each account's
 * users; archived finished recordings, {@code FinishedArchive}, need nothing of an account and are not users). After each reconcile the directory tells the CloudRecording side about accounts whose key, spec or allowed
 * namespaces changed.
 *
 * <p>Status: {@code users}, and {@code Ready} True when the Secret holds {@code secretId} and {@code secretKey};
 * False names the missing Secret or key, never a value. Deletion: the finalizer {@link TrtcAccount#FINALIZER} stays
 * while any CloudRecording names the account, and {@code Ready} says how many remain.
 */
@ControllerConfiguration(name = TrtcAccountReconciler.NAME, finalizerName = TrtcAccount.FINALIZER)
public class TrtcAccountReconciler implements Reconciler<TrtcAccount>, Cleaner<TrtcAccount> {

    public static final String NAME = "trtcaccount";
    public static final String REASON_SECRET_READY = "SecretReady";
    public static final String REASON_IN_USE = "InUse";
    static final String SECRET_INDEX = "account-secrets";
    private static final String ALL_NAMESPACES = "";
    /** How often an account waiting for its last users is looked at, besides their delete events. */
    static final Duration IN_USE_RECHECK = Duration.ofSeconds(30);

    private final AccountDirectory directory;
    private final Set<String> watchNamespaces;
    private final Clock clock;
    private final long listLimit;
    private final Map<String, Set<String>> allowed = new ConcurrentHashMap<>();
    private final List<InformerEventSource<CloudRecording, TrtcAccount>> recordings = new CopyOnWriteArrayList<>();
    private final Map<String, InformerEventSource<Secret, TrtcAccount>> secrets = new ConcurrentHashMap<>();
    private volatile InformerEventSource<Namespace, TrtcAccount> namespaces;

    /**
     * @param watchNamespaces the namespaces whose CloudRecordings count as users; empty = all
     * @param listLimit       objects per page of each informer's first list, so that start-up does not depend on how
     *                        many recordings and Secrets the cluster holds
     */
    public TrtcAccountReconciler(AccountDirectory directory, Set<String> watchNamespaces, Clock clock, long listLimit) {
        this.directory = directory;
        this.watchNamespaces = watchNamespaces;
        this.clock = clock;
        this.listLimit = listLimit;
    }

    @Override
    public List<EventSource<?, TrtcAccount>> prepareEventSources(EventSourceContext<TrtcAccount> context) {
        context.getPrimaryCache().addIndexer(SECRET_INDEX, a -> a.getSpec() == null || a.getSpec().getCredentialsSecretRef() == null
                ? List.of() : List.of(a.getSpec().getCredentialsSecretRef().getNamespace() + "/" + a.getSpec().getCredentialsSecretRef().getName()));
        namespaces = new InformerEventSource<>(InformerEventSourceConfiguration.from(Namespace.class, TrtcAccount.class)
                .withName("account-namespaces")
                .withInformerListLimit(listLimit)
                .withItemStore(new TransformingItemStore<>(AccountInformers::namespaceMetadata))
                .withSecondaryToPrimaryMapper((Namespace n) -> context.getPrimaryCache().list()
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        List<EventSource<?, TrtcAccount>> sources = new ArrayList<>(List.of(namespaces));
        for (String namespace : watchNamespaces.isEmpty() ? Set.of(ALL_NAMESPACES) : watchNamespaces) {
            InformerEventSource<Secret, TrtcAccount> secretSource = new InformerEventSource<>(
                    inNamespace(InformerEventSourceConfiguration.from(Secret.class, TrtcAccount.class), namespace)
                            .withName("account-secrets" + suffix(namespace))
                            .withInformerListLimit(listLimit)
                            .withItemStore(new TransformingItemStore<>(AccountInformers::secretMetadata))
                            .withSecondaryToPrimaryMapper((Secret s) -> context.getPrimaryCache()
                                    .byIndex(SECRET_INDEX, s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())
                                    .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                            .build(), context);
            InformerEventSource<CloudRecording, TrtcAccount> recordingSource = new InformerEventSource<>(
                    inNamespace(InformerEventSourceConfiguration.from(CloudRecording.class, TrtcAccount.class), namespace)
                            .withName("account-users" + suffix(namespace))
                            .withLabelSelector(FinishedArchive.NOT_FINISHED)
                            .withInformerListLimit(listLimit)
                            .withItemStore(new TransformingItemStore<>(AccountInformers::accountRefOnly))
                            .withOnUpdateFilter((newer, older) -> false)
                            .withSecondaryToPrimaryMapper((CloudRecording r) -> accountOf(r)
                                    .map(name -> Set.of(new ResourceID(name))).orElse(Set.of()))
                            .build(), context);
            secrets.put(namespace, secretSource);
            recordings.add(recordingSource);
            sources.add(secretSource);
            sources.add(recordingSource);
        }
        InformerEventSource<Namespace, TrtcAccount> ns = namespaces;
        directory.useNamespaces(name -> ns.get(new ResourceID(name)));
        return sources;
    }

    /**
     * One informer per watched namespace: JOSDK hands a configured item store to every namespace's informer of one
     * source, and informers of several namespaces must not share one.
     */
    private static <R extends HasMetadata> InformerEventSourceConfiguration.Builder<R> inNamespace(
            InformerEventSourceConfiguration.Builder<R> builder, String namespace) {
        return ALL_NAMESPACES.equals(namespace) ? builder.withWatchAllNamespaces() : builder.withNamespaces(namespace);
    }

    private static String suffix(String namespace) {
        return ALL_NAMESPACES.equals(namespace) ? "" : "-" + namespace;
    }

    @Override
    public UpdateControl<TrtcAccount> reconcile(TrtcAccount account, Context<TrtcAccount> context) {
        AccountDirectory.Entry entry = directory.refreshIfChanged(account, secretVersion(account));
        noticeAllowedNamespaces(entry);
        int users = users(account);
        String status = entry.problem().isEmpty() ? Conditions.TRUE : Conditions.FALSE;
        String reason = entry.problem().isEmpty() ? REASON_SECRET_READY : AccountDirectory.REASON_NOT_READY;
        String message = entry.problem().orElse("Secret " + account.getSpec().getCredentialsSecretRef().getNamespace() + "/"
                + account.getSpec().getCredentialsSecretRef().getName() + " holds secretId and secretKey");
        return withStatus(account, users, status, reason, message)
                .map(UpdateControl::patchStatus).orElseGet(UpdateControl::noUpdate);
    }

    @Override
    public DeleteControl cleanup(TrtcAccount account, Context<TrtcAccount> context) {
        int users = users(account);
        if (users == 0) {
            allowed.remove(account.getMetadata().getName());
            directory.remove(account.getMetadata().getName());
            return DeleteControl.defaultDelete();
        }
        String message = users + (users == 1 ? " CloudRecording still uses" : " CloudRecordings still use")
                + " this account; it is deleted when the last of them is gone";
        withStatus(account, users, Conditions.FALSE, REASON_IN_USE, message)
                .ifPresent(a -> context.getClient().resource(a).patchStatus());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(IN_USE_RECHECK.toMillis());
    }

    private String secretVersion(TrtcAccount account) {
        var ref = account.getSpec().getCredentialsSecretRef();
        InformerEventSource<Secret, TrtcAccount> source = secrets.getOrDefault(ref.getNamespace(), secrets.get(ALL_NAMESPACES));
        if (source == null) {
            return AccountDirectory.UNWATCHED;
        }
        return source.get(new ResourceID(ref.getName(), ref.getNamespace()))
                .map(s -> s.getMetadata().getResourceVersion()).orElse(AccountDirectory.ABSENT);
    }

    /** How many CloudRecordings in the watched namespaces name {@code account}. */
    int users(TrtcAccount account) {
        String name = account.getMetadata().getName();
        return (int) recordings.stream().mapToLong(source -> source.list(r -> accountOf(r).filter(name::equals).isPresent()).count()).sum();
    }

    private void noticeAllowedNamespaces(AccountDirectory.Entry entry) {
        String name = entry.account().getMetadata().getName();
        Set<String> now = namespaces.list().filter(n -> directory.allows(entry, n.getMetadata().getName()))
                .map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> before = allowed.put(name, now);
        if (before != null && !before.equals(now)) {
            directory.changed(name);
        }
    }

    /** The account with the given status, or empty when its status says that already. */
    private Optional<TrtcAccount> withStatus(TrtcAccount account, int users, String status, String reason, String message) {
        TrtcAccountStatus current = account.getStatus() == null ? new TrtcAccountStatus() : account.getStatus();
        Long generation = account.getMetadata().getGeneration();
        boolean same = Integer.valueOf(users).equals(current.getUsers()) && generation.equals(current.getObservedGeneration())
                && Conditions.find(current.getConditions(), Conditions.READY)
                .map(c -> status.equals(c.getStatus()) && reason.equals(c.getReason()) && message.equals(c.getMessage()))
                .orElse(false);
        if (same) {
            return Optional.empty();
        }
        TrtcAccountStatus next = new TrtcAccountStatus();
        next.setUsers(users);
        next.setObservedGeneration(generation);
        next.setConditions(Conditions.set(current.getConditions(), Conditions.READY, status, reason, message, generation, clock.instant()));
        TrtcAccount patch = new TrtcAccount();
        patch.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(account.getMetadata().getName()).build());
        patch.setStatus(next);
        return Optional.of(patch);
    }

    private static Optional<String> accountOf(CloudRecording r) {
        CloudRecordingSpec spec = r.getSpec();
        return spec == null || spec.getAccountRef() == null ? Optional.empty() : Optional.ofNullable(spec.getAccountRef().getName());
    }

    /** What the account controller's informers keep of each object. */
    static final class AccountInformers {

        private AccountInformers() {
        }

        static Secret secretMetadata(Secret s) {
            return new SecretBuilder().withMetadata(slim(s)).build();
        }

        static Namespace namespaceMetadata(Namespace n) {
            var meta = slim(n);
            meta.setLabels(n.getMetadata().getLabels());
            return new NamespaceBuilder().withMetadata(meta).build();
        }

        static CloudRecording accountRefOnly(CloudRecording r) {
            CloudRecording slim = new CloudRecording();
            slim.setMetadata(slim(r));
            if (r.getSpec() != null && r.getSpec().getAccountRef() != null) {
                CloudRecordingSpec spec = new CloudRecordingSpec();
                spec.setAccountRef(r.getSpec().getAccountRef());
                slim.setSpec(spec);
            }
            return slim;
        }

        private static io.fabric8.kubernetes.api.model.ObjectMeta slim(HasMetadata o) {
            return new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(o.getMetadata().getName())
                    .withNamespace(o.getMetadata().getNamespace()).withUid(o.getMetadata().getUid())
                    .withResourceVersion(o.getMetadata().getResourceVersion()).build();
        }
    }
}
