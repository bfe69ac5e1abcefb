package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.account.AccountDirectory;
import com.tencentcloud.trtc.operator.admission.TaskLimit;
import com.tencentcloud.trtc.operator.admission.TaskSlots;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.retention.FinishedArchive;
import com.tencentcloud.trtc.operator.retention.FinishedView;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives each CloudRecording through its life: observe what is known of its task, then create it, modify it,
 * follow it, or stop it. The steps live in {@link RecordingCreator}, {@link RecordingModifier},
 * {@link RecordingFollower}, {@link RecordingRelease}, {@link DurationLimit} ({@code maxDuration}) and
 * {@link TaskRestarter} (a new task after one ended by fault, through the same create path); every status
 * change goes through {@link StatusTransitions}. Recording callbacks waiting in the {@link CallbackInbox} are
 * applied first, by {@link CallbackApplier}, so that they and the steps never write the same status at once.
 *
 * <p>Secrets the resources refer to are watched, so a resource waiting for a Secret, or stalled on a value
 * from one, is reconciled again as soon as that Secret appears or changes; the watch keeps Secret metadata only,
 * and {@link SecretValues} reads the data of referenced Secrets on demand. The {@code paused} annotation is
 * seen through {@link CloudRecordingUpdateFilter} and holds every TRTC call. {@link NamespaceShare} keeps
 * reconcile threads free for every namespace while one bursts, paced by each resource's account's own rate budget,
 * and each account's TRTC limiter serves waiting calls round-robin across namespaces. {@link AdmissionGate} keeps
 * each SdkAppId within its limit of live tasks: a resource past it waits in line ({@code Queued}) and is woken when a
 * slot frees (design §11).
 *
 * <p>The reconciler holds its finalizer itself (JOSDK calls it for every event, deletions included): a resource
 * gets the finalizer in the same locked write as its {@code create-pending} mark, so a new resource costs one
 * write before its create and not two, and that write waits for its namespace's share of threads like any other
 * step. {@link RecordingRelease} gives it back to a resource that lost it, and stops and releases a resource
 * marked for deletion; one that never needed a finalizer is deleted by the API server at once, and its delete
 * event only clears what memory held of it.
 */
@ControllerConfiguration(name = CloudRecordingReconciler.NAME, triggerReconcilerOnAllEvents = true,
        generationAwareEventProcessing = false,
        informer = @Informer(labelSelector = FinishedArchive.NOT_FINISHED, onAddFilter = CloudRecordingAddFilter.class,
                onUpdateFilter = CloudRecordingUpdateFilter.class))
public class CloudRecordingReconciler implements Reconciler<CloudRecording> {

    public static final String NAME = "cloudrecording";
    static final String SECRET_INDEX = "referenced-secrets";
    static final String ACCOUNT_INDEX = "referenced-account";
    private static final String ALL_NAMESPACES = "";
    private static final Duration CONFLICT_RECHECK = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(CloudRecordingReconciler.class);

    private final TrtcClient trtc;
    private final OperatorConfig config;
    private final UserSigMinter minter;
    private final Clock clock;
    private final Options options;
    private final CallbackInbox inbox;
    private volatile Collaborators steps;
    private volatile IndexedResourceCache<CloudRecording> cache;
    private volatile int recordingsAtStart = -1;
    private volatile Consumer<CloudRecording> taskStarted = r -> {
    };
    private volatile BiConsumer<CloudRecording, String> taskRestarted = (r, reason) -> {
    };
    private volatile AccountDirectory accounts;
    private volatile TaskSlots.Listener queueListener = TaskSlots.Listener.NONE;

    /**
     * How the reconciler writes and retries; {@link #defaults()} in production, other values in tests.
     *
     * @param writers      builds the {@link ResourceWriter} from the operator's Kubernetes client
     * @param retryInitial first delay after a transient error
     * @param retryMax     longest delay between retries
     * @param acceptCallbacks whether this replica takes callbacks now: only a replica that reconciles can apply them
     */
    public record Options(Function<KubernetesClient, ResourceWriter> writers, Duration retryInitial, Duration retryMax,
                          BooleanSupplier acceptCallbacks) {

        /** Accepting callbacks always (one replica). */
        public Options(Function<KubernetesClient, ResourceWriter> writers, Duration retryInitial, Duration retryMax) {
            this(writers, retryInitial, retryMax, () -> true);
        }

        /** The same, accepting callbacks only while {@code leading} says so. */
        public Options acceptingCallbacksWhile(BooleanSupplier leading) {
            return new Options(writers, retryInitial, retryMax, leading);
        }

        public static Options defaults() {
            return new Options(KubernetesResourceWriter::new, Duration.ofSeconds(5), Duration.ofMinutes(5));
        }
    }

    private record Collaborators(LatestWrites writer, StatusTransitions transitions, EventRecorder events,
                                 StallMemory stalls, SecretResolver secrets, RecordingCreator creator,
                                 RecordingModifier modifier, RecordingFollower follower, RecordingRelease release,
                                 DurationLimit limit, Backoff backoff, PollBudget budget, CallbackApplier callbacks,
                                 DescribeSchedule schedule, NamespaceShare share, TtlAfterFinished ttl,
                                 TaskRestarter restarter, AdmissionGate gate, FinishedArchiving archive) {
    }

    public CloudRecordingReconciler(TrtcClient trtc, OperatorConfig config, UserSigMinter minter, Clock clock) {
        this(trtc, config, minter, clock, Options.defaults());
    }

    public CloudRecordingReconciler(TrtcClient trtc, OperatorConfig config, UserSigMinter minter, Clock clock,
                                    Options options) {
        this.trtc = trtc;
        this.config = config;
        this.minter = minter;
        this.clock = clock;
        this.options = options;
        this.inbox = new CallbackInbox(options.acceptCallbacks());
    }

    /** Where the callback receiver hands verified callbacks (design §8). */
    public CallbackInbox callbacks() {
        return inbox;
    }

    @Override
    public List<EventSource<?, CloudRecording>> prepareEventSources(EventSourceContext<CloudRecording> context) {
        cache = context.getPrimaryCache();
        context.getPrimaryCache().addIndexer(SECRET_INDEX, r -> SecretResolver.referencedSecretNames(r).stream()
                .map(name -> r.getMetadata().getNamespace() + "/" + name).toList());
        context.getPrimaryCache().addIndexer(RecorderSeats.INDEX, r -> r.getSpec() == null ? List.of() : List.of(RecorderSeats.seat(r)));
        context.getPrimaryCache().addIndexer(CallbackInbox.TASK_INDEX, FinishedArchive::taskIds);
        Map<String, InformerEventSource<Secret, CloudRecording>> secretSources = new LinkedHashMap<>();
        for (String namespace : config.watchNamespaces().isEmpty() ? Set.of(ALL_NAMESPACES) : config.watchNamespaces()) {
            secretSources.put(namespace, secretSource(context, namespace));
        }
        context.getPrimaryCache().addIndexer(ACCOUNT_INDEX, r -> r.getSpec() == null || r.getSpec().getAccountRef() == null
                ? List.of() : List.of(r.getSpec().getAccountRef().getName()));
        SimpleInboundEventSource<CloudRecording> callbackSource = new SimpleInboundEventSource<>("callbacks");
        SimpleInboundEventSource<CloudRecording> accountSource = new SimpleInboundEventSource<>("accounts");
        if (accounts != null) {
            accounts.onChange(account -> context.getPrimaryCache().byIndex(ACCOUNT_INDEX, account)
                    .forEach(r -> accountSource.propagateEvent(ResourceID.fromResource(r))));
        }
        SimpleInboundEventSource<CloudRecording> turnSource = new SimpleInboundEventSource<>("admission");
        steps = assemble(context.getClient(), new SecretValues((namespace, name) -> secretSources
                .getOrDefault(namespace, secretSources.get(ALL_NAMESPACES)).get(new ResourceID(name, namespace)), context.getClient()),
                turn -> turnSource.propagateEvent(new ResourceID(turn.name(), turn.namespace())));
        inbox.bind(context.getPrimaryCache(), steps.secrets(), callbackSource, steps.gate()::callbackArrived);
        List<EventSource<?, CloudRecording>> sources = new ArrayList<>(secretSources.values());
        sources.add(callbackSource);
        sources.add(accountSource);
        sources.add(turnSource);
        return sources;
    }

    /**
     * The metadata-only Secret informer of one watched namespace (or of all). One per namespace, because JOSDK hands
     * a configured item store to every namespace's informer, and informers of several namespaces must not share one.
     */
    private static InformerEventSource<Secret, CloudRecording> secretSource(EventSourceContext<CloudRecording> context,
                                                                          String namespace) {
        var builder = InformerEventSourceConfiguration.from(Secret.class, CloudRecording.class)
                .withName(ALL_NAMESPACES.equals(namespace) ? "secrets" : "secrets-" + namespace)
                .withItemStore(new TransformingItemStore<>(SecretValues.METADATA_ONLY))
                .withInformerListLimit(OperatorConfig.INFORMER_LIST_LIMIT)
                .withSecondaryToPrimaryMapper((Secret s) -> context.getPrimaryCache()
                        .byIndex(SECRET_INDEX, s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()));
        if (ALL_NAMESPACES.equals(namespace)) {
            builder.withWatchAllNamespaces();
        } else {
            builder.withNamespaces(namespace);
        }
        return new InformerEventSource<>(builder.build(), context);
    }

    private Collaborators assemble(KubernetesClient client, SecretLookup lookup, Consumer<TaskSlots.Turn> wake) {
        LatestWrites writer = new LatestWrites(options.writers().apply(client),
                r -> cache == null ? Optional.empty() : cache.get(ResourceID.fromResource(r)));
        EventRecorder events = new EventRecorder(client, clock);
        StatusTransitions transitions = new StatusTransitions(clock);
        Backoff backoff = new Backoff(options.retryInitial(), options.retryMax());
        PollBudget budget = new PollBudget(config.pollInterval(), config.rateLimitPerSecond());
        DescribeSchedule schedule = new DescribeSchedule();
        SecretResolver secrets = new SecretResolver(lookup, config, minter, accounts);
        StallMemory stalls = new StallMemory(lookup, secrets);
        Failures failures = new Failures(writer, transitions, events, backoff, stalls);
        NamespaceShare share = new NamespaceShare(config.reconcileThreads(), config.rateLimitPerSecond());
        AdmissionGate gate = new AdmissionGate(new TaskSlots(taskLimit(), clock,
                this::cachedResources, wake, new TaskSlots.Listener() {
                    @Override
                    public void queued(long sdkAppId, int waiting) {
                        queueListener.queued(sdkAppId, waiting);
                    }

                    @Override
                    public void waited(long sdkAppId, Duration waited) {
                        queueListener.waited(sdkAppId, waited);
                    }
                }), writer, transitions, events, clock);
        return new Collaborators(writer, transitions, events, stalls, secrets,
                new RecordingCreator(trtc, secrets, writer, transitions, events, failures, backoff, clock, budget,
                        r -> taskStarted.accept(r), gate),
                new RecordingModifier(trtc, secrets, writer, transitions, events, failures, backoff, clock),
                new RecordingFollower(trtc, secrets, writer, transitions, events, failures, backoff, clock, budget, schedule,
                        this::recordingsAtStart),
                new RecordingRelease(writer, transitions, new RecordingStopper(trtc, secrets, writer, transitions, events, backoff, clock),
                        share, secrets::pace, r -> forget(steps, r)),
                new DurationLimit(trtc, secrets, writer, transitions, events, failures, backoff, clock, budget),
                backoff, budget, new CallbackApplier(inbox, writer, transitions, events, schedule, clock), schedule, share,
                new TtlAfterFinished(client, writer, events, clock),
                new TaskRestarter(writer, transitions, events, clock, budget, (r, reason) -> taskRestarted.accept(r, reason)),
                gate, new FinishedArchiving(client, clock));
    }

    /**
     * The resources in the reconciler's own cache (none before the operator started): what metrics count, so that
     * the process holds one copy of each resource.
     */
    public Stream<CloudRecording> cachedResources() {
        IndexedResourceCache<CloudRecording> c = cache;
        return c == null ? Stream.empty() : c.list();
    }

    /** The live-task limit of a resource's application: its account's {@code maxConcurrentTasks}, else the operator's. */
    private TaskLimit taskLimit() {
        AccountDirectory directory = accounts;
        int fallback = config.maxConcurrentTasks();
        return directory == null ? TaskLimit.fixed(fallback) : r -> directory.maxConcurrentTasks(r).orElse(fallback);
    }

    /** How many recordings the cache held at the first reconcile of this process (counted once). */
    private int recordingsAtStart() {
        int n = recordingsAtStart;
        if (n < 0) {
            n = (int) cachedResources().count();
            recordingsAtStart = n;
        }
        return n;
    }

    /**
     * Resolves {@code spec.accountRef} through {@code directory}, and reconciles an account's users again when the
     * directory says the account changed; set before starting. Without it, a resource that names an account stalls
     * with {@code AccountNotFound}.
     */
    public CloudRecordingReconciler useAccounts(AccountDirectory directory) {
        this.accounts = directory;
        return this;
    }

    /**
     * Late callbacks of archived recordings are looked up in {@code view}; such a recording is brought back with
     * {@code restore} (namespace, name). Set before starting.
     */
    public CloudRecordingReconciler useFinished(FinishedView view, BiConsumer<String, String> restore) {
        inbox.useFinished(view, (namespace, name) -> {
            try {
                restore.accept(namespace, name);
            } catch (RuntimeException e) {
                LOG.warn("{}/{}: could not bring the archived recording back for a late callback: {}", namespace, name, e.toString());
            }
        });
        return this;
    }

    /** Calls {@code listener} with the resource as written when its TaskId was first saved; set before starting. */
    public CloudRecordingReconciler onTaskStarted(Consumer<CloudRecording> listener) {
        this.taskStarted = listener;
        return this;
    }

    /** Calls {@code listener} with each new task started in place of a failed one, and the failed task's end reason. */
    public CloudRecordingReconciler onTaskRestarted(BiConsumer<CloudRecording, String> listener) {
        this.taskRestarted = listener;
        return this;
    }

    /** Receives the lengths of the lines of recordings waiting for a task slot, and their waits; set before starting. */
    public CloudRecordingReconciler onQueueChange(TaskSlots.Listener listener) {
        this.queueListener = listener;
        return this;
    }

    @Override
    public UpdateControl<CloudRecording> reconcile(CloudRecording cached, Context<CloudRecording> context) {
        Collaborators c = steps;
        if (context.isPrimaryResourceDeleted()) {
            c.release().deleted(cached);
            return UpdateControl.noUpdate();
        }
        if (FinishedTrim.trimmed(cached)) {
            if (FinishedTrim.quiet(cached, inbox.waiting(cached), clock.instant())) {
                Optional<Step> archived = c.archive().archiveIfDue(cached, false);
                if (archived.isPresent()) {
                    return control(archived.get());
                }
                return c.archive().wakeAtDue(cached, c.ttl().wakeAtDue(cached, UpdateControl.noUpdate()));
            }
            Optional<CloudRecording> whole = c.writer().readCurrent(cached);
            if (whole.isEmpty()) {
                return UpdateControl.noUpdate();
            }
            cached = whole.get();
        }
        if (cached.isMarkedForDeletion()) {
            return c.release().release(cached);
        }
        CloudRecording newest = c.writer().newest(cached);
        if (newest.isMarkedForDeletion()) {
            return c.release().release(newest);
        }
        CloudRecording observed = c.release().hold(newest);
        Optional<String> taskId = taskId(observed);
        CloudRecording resource = taskId.map(t -> c.callbacks().apply(observed, t)).orElse(observed);
        if (CloudRecordingUpdateFilter.isPaused(resource)) {
            return control(settled(c, c.release().pause(resource, "")));
        }
        Optional<Step> deleted = c.ttl().deleteIfDue(resource);
        if (deleted.isPresent()) {
            return control(deleted.get());
        }
        Optional<Step> archived = c.archive().archiveIfDue(resource, inbox.waiting(resource));
        if (archived.isPresent()) {
            return control(archived.get());
        }
        UpdateControl<CloudRecording> control = proceed(c, resource, taskId, context);
        return c.archive().wakeAtDue(resource, c.ttl().wakeAtDue(resource, control));
    }

    private static UpdateControl<CloudRecording> proceed(Collaborators c, CloudRecording resource, Optional<String> taskId,
                                                         Context<CloudRecording> context) {
        boolean stalled = resource.getStatus() != null && Conditions.isTrue(resource.getStatus().getConditions(), Conditions.STALLED);
        if (c.stalls().observe(resource) && stalled) {
            c.gate().settle(resource);
            return UpdateControl.noUpdate();
        }
        var meta = resource.getMetadata();
        c.gate().settle(resource);
        return c.share().run(meta.getNamespace(), meta.getUid(), () -> c.secrets().pace(resource), () -> c.gate().turnCame(resource),
                () -> control(settled(c, act(c, resource, taskId, context))),
                wait -> UpdateControl.<CloudRecording>noUpdate().rescheduleAfter(wait));
    }

    private static Step act(Collaborators c, CloudRecording resource, Optional<String> taskId, Context<CloudRecording> context) {
        if (taskId.isPresent()) {
            Optional<Step> restart = c.restarter().step(resource, r -> create(c, r, context));
            if (restart.isPresent()) {
                return restart.get();
            }
            Optional<Step> limited = c.limit().enforce(resource);
            if (limited.isPresent()) {
                return limited.get();
            }
            return c.limit().bringForward(resource,
                    c.modifier().apply(resource).orElseGet(() -> c.follower().follow(resource, taskId.get())));
        }
        return create(c, resource, context);
    }

    /** The one creation path: a first task, and a new task after a failure ({@link TaskRestarter}). */
    private static Step create(Collaborators c, CloudRecording resource, Context<CloudRecording> context) {
        Optional<CloudRecording> holder = RecorderSeats.earlierHolder(resource, context.getPrimaryCache());
        if (holder.isPresent()) {
            return conflict(c, resource, holder.get());
        }
        return c.creator().create(resource);
    }

    /** The step, after the task slots learnt what it left the resource as (a task ended, a Create sent or refused). */
    private static Step settled(Collaborators c, Step step) {
        c.gate().settle(step.resource());
        return step;
    }

    private void forget(Collaborators c, CloudRecording resource) {
        c.gate().forget(resource);
        c.secrets().forget(resource);
        c.writer().forget(resource);
        c.stalls().forget(resource);
        c.creator().forget(resource);
        c.backoff().reset(resource.getMetadata().getUid());
        c.budget().release(resource.getMetadata().getUid());
        c.share().forget(resource.getMetadata().getNamespace(), resource.getMetadata().getUid());
        c.schedule().forget(resource.getMetadata().getUid());
        inbox.forget(resource);
    }

    /**
     * Deletes a whole archived recording whose {@code ttlSecondsAfterFinished} has come, as for one in the cache
     * (an Event and a log line list its files); called by {@link FinishedView}.
     */
    public void deleteArchived(CloudRecording whole) {
        Collaborators c = steps;
        if (c != null) {
            c.ttl().deleteIfDue(whole);
        }
    }

    /** Whether a CreateCloudRecording was sent for the resource and its answer never saved: it may have a task. */
    static boolean createPending(CloudRecording r) {
        return r.getMetadata().getAnnotations() != null
                && r.getMetadata().getAnnotations().containsKey(CloudRecording.ANNOTATION_CREATE_PENDING);
    }

    /** The task id from status, or from the annotation that survives a loss of status (or adopts a task). */
    static Optional<String> taskId(CloudRecording r) {
        if (r.getStatus() != null && r.getStatus().getTaskId() != null) {
            return Optional.of(r.getStatus().getTaskId());
        }
        return Optional.ofNullable(r.getMetadata().getAnnotations())
                .map(a -> a.get(CloudRecording.ANNOTATION_TASK_ID))
                .filter(s -> !s.isBlank());
    }

    private static Step conflict(Collaborators c, CloudRecording r, CloudRecording holder) {
        String message = "Recorder user id " + RecordingCreator.recorderUserId(r) + " is already used in room "
                + r.getSpec().getRoomId() + " by CloudRecording " + holder.getMetadata().getNamespace() + "/"
                + holder.getMetadata().getName() + "; two robots with one id end each other's task: set a different recorder.userId";
        boolean known = r.getStatus() != null && Conditions.find(r.getStatus().getConditions(), Conditions.STALLED)
                .map(s -> Conditions.REASON_RECORDER_CONFLICT.equals(s.getReason()) && message.equals(s.getMessage())).orElse(false);
        if (known) {
            return Step.requeue(r, CONFLICT_RECHECK);
        }
        CloudRecording written = c.writer().writeStatus(r, c.transitions().stalled(r, Conditions.REASON_RECORDER_CONFLICT, message));
        c.events().warning(written, Conditions.REASON_RECORDER_CONFLICT, message);
        return Step.requeue(written, CONFLICT_RECHECK);
    }

    private static UpdateControl<CloudRecording> control(Step step) {
        UpdateControl<CloudRecording> control = UpdateControl.noUpdate();
        return step.requeueAfter().map(control::rescheduleAfter).orElse(control);
    }
}
