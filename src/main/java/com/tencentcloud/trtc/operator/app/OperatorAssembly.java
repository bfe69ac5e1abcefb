package com.tencentcloud.trtc.operator.app;

import com.tencentcloud.trtc.operator.account.AccountDirectory;
import com.tencentcloud.trtc.operator.account.TrtcAccountReconciler;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.TrtcAccount;
import com.tencentcloud.trtc.operator.callback.CallbackReceiver;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.reconciler.CallbackInbox;
import com.tencentcloud.trtc.operator.reconciler.CloudRecordingReconciler;
import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;
import com.tencentcloud.trtc.operator.reconciler.UserSigMinter;
import com.tencentcloud.trtc.operator.retention.FinishedArchive;
import com.tencentcloud.trtc.operator.retention.FinishedView;
import com.tencentcloud.trtc.operator.schedule.CloudRecordingScheduleReconciler;
import com.tencentcloud.trtc.operator.trtc.ObservedTrtcClient;
import com.tencentcloud.trtc.operator.trtc.RateLimitedTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcRateLimiter;
import com.tencentcloud.trtc.operator.trtc.TrtcRateLimiters;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the operator together from its configuration: the TRTC client chain, metrics, the JOSDK {@link Operator}
 * with its reconcilers (CloudRecording; CloudRecordingSchedule as an {@link OptionalController}), retry, leader election and graceful stop, the resource inventory, and the HTTP endpoints.
 *
 * <p>The TRTC client chain every reconcile thread shares is
 * {@code RateLimitedTrtcClient → ObservedTrtcClient → transport}: one process-wide {@link TrtcRateLimiter} (a
 * permit per call, per action), then timing and counting of the call itself.
 *
 * <p><b>Retries.</b> The reconciler turns every TRTC error into Stalled or its own jittered backoff and never
 * throws for one; JOSDK's retry only sees Kubernetes failures (a status write that failed, an API server that is
 * away). It is bounded: {@link #RETRY} starts at 2 s, doubles up to 5 minutes, and gives up after 12 attempts in a
 * row, after which the resource waits for its next event or JOSDK's periodic reconcile.
 *
 * <p><b>Leader election.</b> With {@code LEADER_ELECTION=true} the replicas compete for the Lease
 * {@value #LEASE_NAME}; all keep their informers warm, only the leader reconciles and so only it calls TRTC.
 * A leader that stops renewing loses the Lease after its duration and the standby takes over; a create the old
 * leader left half done is found by its {@code create-pending} mark and retried with the same robot user id, which
 * replaces rather than duplicates the task. A replica that loses the Lease while running exits (status 1) so that
 * its pod restarts as a standby; the Lease is not released on a graceful stop, so the standby waits out the lease.
 *
 * <p><b>Stopping.</b> {@link #close()} stops the inventory, then the operator: no new reconcile starts, the
 * in-flight ones (a TRTC call and the status it writes) get {@code terminationTimeout} to finish, then the
 * Kubernetes client closes (in production) and the HTTP endpoints last.
 */
public final class OperatorAssembly implements AutoCloseable {

    /** The name of the Lease the replicas compete for. */
    public static final String LEASE_NAME = "trtc-recording-operator";

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAssembly.class);

    /** How often the operator looks for an optional CRD that was not installed at start-up. */
    static final Duration OPTIONAL_CRD_CHECK_INTERVAL = Duration.ofSeconds(30);

    /** JOSDK's retry for exceptions that escape a reconcile. */
    static final GenericRetry RETRY = new GenericRetry().setInitialInterval(Duration.ofSeconds(2))
            .setIntervalMultiplier(2).setMaxInterval(Duration.ofMinutes(5).toMillis()).setMaxAttempts(12);

    /**
     * Settings that differ between production and tests.
     *
     * @param serverSideApply    patch the primary resource with SSA (on in production; the mock server refuses it);
     *                           {@code SERVER_SIDE_APPLY=false} turns it off as well
     * @param closeClientOnStop  close the Kubernetes client when the operator stops
     * @param leaseDuration      how long a Lease holds without renewal
     * @param renewDeadline      how long the leader keeps trying to renew before it gives up
     * @param retryPeriod        how often candidates try to acquire, and the leader to renew
     * @param identity           this replica's name in the Lease; null = the pod name ({@code HOSTNAME}) or a UUID
     * @param terminationTimeout how long in-flight reconciles may take to finish when stopping
     * @param onLostLeadership   run when this replica loses the Lease while it is not stopping
     * @param minter             mints UserSigs
     * @param reconcilerOptions  the reconciler's writer and backoff
     * @param clock              the clock of the reconciler and the signer
     */
    public record Tuning(boolean serverSideApply, boolean closeClientOnStop, Duration leaseDuration,
                         Duration renewDeadline, Duration retryPeriod, String identity, Duration terminationTimeout,
                         Runnable onLostLeadership, UserSigMinter minter,
                         CloudRecordingReconciler.Options reconcilerOptions, Clock clock) {

        /** The production settings: SSA on, JOSDK's lease timing (15 s / 10 s / 2 s), exit on a lost Lease. */
        public static Tuning production() {
            return new Tuning(true, true, LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                    LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                    LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, System.getenv("HOSTNAME"),
                    Duration.ofSeconds(25), () -> new Thread(() -> System.exit(1), "lost-leadership").start(),
                    UserSig::generate, CloudRecordingReconciler.Options.defaults(), Clock.systemUTC());
        }
    }

    private final OperatorConfig config;
    private final Tuning tuning;
    private final OperatorMetrics metrics;
    private final TrtcRateLimiter limiter;
    private final TrtcClient trtc;
    private final Operator operator;
    private final CloudRecordingReconciler reconciler;
    private final RecordingInventory inventory;
    private final OptionalControllers optional;
    private final KubernetesClient client;
    private final FinishedView finished;
    private final Duration optionalCrdCheckInterval;
    private final AtomicBoolean leading = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private HealthServer health;
    private CallbackServer callbacks;

    private OperatorAssembly(OperatorConfig config, KubernetesClient client, TrtcClient transport, Tuning tuning,
                             Duration optionalCrdCheckInterval) {
        this.config = config;
        this.optionalCrdCheckInterval = optionalCrdCheckInterval;
        this.tuning = tuning;
        this.metrics = new OperatorMetrics();
        this.limiter = new TrtcRateLimiter(config.rateLimitPerSecond());
        AtomicReference<TrtcRateLimiters> accountLimiters = new AtomicReference<>();
        accountLimiters.set(new TrtcRateLimiters(limiter, TrtcRateLimiter::new, metrics.accountRates(accountLimiters::get)));
        this.trtc = new RateLimitedTrtcClient(new ObservedTrtcClient(transport, metrics), accountLimiters.get(), metrics);
        metrics.bind(limiter);
        leading.set(!config.leaderElection());
        metrics.bindLeadership(leading::get);
        this.operator = new Operator(o -> {
            configure(o, client, tuning.closeClientOnStop());
            if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(leaderElection());
            }
        });
        this.reconciler = new CloudRecordingReconciler(trtc, config, tuning.minter(), tuning.clock(),
                tuning.reconcilerOptions().acceptingCallbacksWhile(leading::get));
        AccountDirectory accounts = new AccountDirectory(client, config.rateLimitPerSecond());
        reconciler.useAccounts(accounts);
        this.client = client;
        this.finished = new FinishedView(client, config.watchNamespaces(), leading::get, tuning.clock(),
                reconciler::deleteArchived, OperatorConfig.INFORMER_LIST_LIMIT);
        metrics.bindArchived(finished::size);
        reconciler.useFinished(finished, (namespace, name) -> FinishedArchive.restore(client, namespace, name, tuning.clock().instant()));
        this.inventory = new RecordingInventory(reconciler::cachedResources, metrics, tuning.clock());
        reconciler.onTaskStarted(inventory::taskStarted);
        reconciler.onTaskRestarted((r, reason) -> metrics.taskRestarted(reason));
        reconciler.onQueueChange(metrics.queue());
        operator.register(reconciler, o -> {
            o.withRetry(RETRY).withInformerListLimit(OperatorConfig.INFORMER_LIST_LIMIT);
            if (!config.watchNamespaces().isEmpty()) {
                o.settingNamespaces(config.watchNamespaces());
            }
        });
        this.optional = new OptionalControllers(client, List.of(
                new OptionalController(CloudRecordingSchedule.class,
                        OptionalController.installHintFor(CloudRecordingSchedule.class),
                        op -> op.register(new CloudRecordingScheduleReconciler(tuning.clock()), o -> {
                            o.withRetry(RETRY).withInformerListLimit(OperatorConfig.INFORMER_LIST_LIMIT);
                            if (!config.watchNamespaces().isEmpty()) {
                                o.settingNamespaces(config.watchNamespaces());
                            }
                        })),
                new OptionalController(TrtcAccount.class,
                        OptionalController.installHintFor(TrtcAccount.class),
                        op -> op.register(new TrtcAccountReconciler(accounts, config.watchNamespaces(), tuning.clock(),
                                OperatorConfig.INFORMER_LIST_LIMIT),
                                o -> o.withRetry(RETRY).withInformerListLimit(OperatorConfig.INFORMER_LIST_LIMIT)))),
                () -> new Operator(o -> configure(o, client, false)), leading::get, metrics.registry());
    }

    /** Assembles, without starting anything. */
    public static OperatorAssembly assemble(OperatorConfig config, KubernetesClient client, TrtcClient transport,
                                            Tuning tuning) {
        return new OperatorAssembly(config, client, transport, tuning, OPTIONAL_CRD_CHECK_INTERVAL);
    }

    /** As {@link #assemble}, looking for a missing optional CRD every {@code optionalCrdCheckInterval}. */
    public static OperatorAssembly assemble(OperatorConfig config, KubernetesClient client, TrtcClient transport,
                                     Tuning tuning, Duration optionalCrdCheckInterval) {
        return new OperatorAssembly(config, client, transport, tuning, optionalCrdCheckInterval);
    }

    private void configure(ConfigurationServiceOverrider o, KubernetesClient client, boolean closeClientOnStop) {
        o.withKubernetesClient(client)
                .withConcurrentReconciliationThreads(config.reconcileThreads())
                .withMetrics(new ObservedReconciles(MicrometerMetrics.withoutPerResourceMetrics(metrics.registry()), metrics))
                .withReconciliationTerminationTimeout(tuning.terminationTimeout())
                .withUseSSAToPatchPrimaryResource(tuning.serverSideApply() && config.serverSideApply())
                .withCloseClientOnStop(closeClientOnStop);
    }

    /**
     * Starts the endpoints on {@code METRICS_PORT} first ({@code /healthz} answers while start-up goes on, and
     * {@code /readyz} says not yet), archives the finished recordings an earlier release left, then starts the view of
     * archived recordings, the inventory, the operator (or its bid for the Lease) and, with {@code CALLBACK_PORT}, the
     * callback receiver; the endpoints and the receiver on {@code METRICS_BIND_ADDRESS} (default every interface).
     */
    public OperatorAssembly start() throws IOException {
        return start(config.metricsPort());
    }

    /** As {@link #start()}, with the endpoints on {@code port} (0 picks a free one) of {@code METRICS_BIND_ADDRESS}. */
    public OperatorAssembly start(int port) throws IOException {
        return start(port, config.callbackPort().map(p -> new InetSocketAddress(config.metricsBindAddress(), p)).orElse(null));
    }

    /** As {@link #start()}, with the endpoints on {@code port} and the callback receiver on {@code callbackAddress} (null: none). */
    public OperatorAssembly start(int port, InetSocketAddress callbackAddress) throws IOException {
        health = HealthServer.start(new InetSocketAddress(config.metricsBindAddress(), port), this::ready, metrics::scrape);
        archiveLeftovers();
        finished.start();
        inventory.start();
        optional.registerServed(operator);
        operator.start();
        optional.start(optionalCrdCheckInterval);
        if (callbackAddress != null) {
            CallbackInbox inbox = reconciler.callbacks();
            callbacks = CallbackServer.start(callbackAddress, new CallbackReceiver() {
                @Override
                public Optional<CallbackTarget> target(String taskId) {
                    return inbox.target(taskId);
                }

                @Override
                public boolean knowsEveryTask() {
                    return inbox.knowsEveryTask();
                }

                @Override
                public CallbackTarget.Offer offer(CallbackTarget target, RecordingCallback event) {
                    return inbox.offer(target, event);
                }
            }, metrics::callbackHandled, CallbackServer.DEFAULT_READ_TIMEOUT);
        }
        return this;
    }

    /** The port of the callback receiver, once started with one. */
    public int callbackPort() {
        return callbacks.port();
    }

    /**
     * Informers synced and the operator started; true for a standby as for the leader, and while an optional CRD
     * is missing.
     */
    public boolean ready() {
        return operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy()
                && optional.healthy();
    }

    /** The optional CRDs (design §13) whose controllers wait for them to be installed. */
    public List<String> missingOptionalCrds() {
        return optional.missing();
    }

    /** The CloudRecordings in the reconciler's cache: the ones not archived. */
    public Stream<CloudRecording> reconcilerCache() {
        return reconciler.cachedResources();
    }

    /** How many archived recordings the light view holds. */
    public long archivedCount() {
        return finished.size();
    }

    /** Whether this replica reconciles (always, without leader election). */
    public boolean leading() {
        return leading.get();
    }

    public OperatorMetrics metrics() {
        return metrics;
    }

    public TrtcRateLimiter limiter() {
        return limiter;
    }

    /** The port of {@code /healthz}, {@code /readyz} and {@code /metrics}, once started. */
    public int port() {
        return health.port();
    }

    /** Stops gracefully; see the class comment. Idempotent. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping: finishing in-flight reconciles (up to {}s)", tuning.terminationTimeout().toSeconds());
        inventory.close();
        optional.close();
        operator.stop();
        finished.close();
        if (callbacks != null) {
            callbacks.close();
        }
        if (health != null) {
            health.close();
        }
        LOG.info("Stopped");
    }

    /**
     * Archives the finished recordings an earlier release left in the cache, before the informers list them
     * ({@link FinishedArchive#archiveExisting}). An answer that may pass (no answer, 429, 5xx: an API server still
     * filling its cache after a restart answers lists with 429) is tried again, 1 s, 2 s, … up to 30 s later, for as
     * long as it takes: the informers listing those recordings whole is what does not fit the memory limit. Any other
     * error leaves them to the reconciler, which archives them too, and is logged.
     */
    private void archiveLeftovers() {
        Duration wait = Duration.ofSeconds(1);
        while (!stopping.get()) {
            try {
                FinishedArchive.archiveExisting(client, config.watchNamespaces(), OperatorConfig.INFORMER_LIST_LIMIT,
                        tuning.clock().instant());
                return;
            } catch (KubernetesClientException e) {
                boolean passing = e.getCode() == 0 || e.getCode() == 429 || e.getCode() >= 500;
                if (!passing) {
                    LOG.warn("Could not archive finished recordings before start-up (the reconciler will): {}", e.getMessage());
                    return;
                }
                LOG.warn("Archiving finished recordings before start-up failed ({}); trying again in {} s", e.getMessage(), wait.toSeconds());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : wait.multipliedBy(2);
            }
        }
    }

    private LeaderElectionConfiguration leaderElection() {
        LeaderElectionConfigurationBuilder builder = LeaderElectionConfigurationBuilder
                .aLeaderElectionConfiguration(LEASE_NAME)
                .withLeaseNamespace(config.leaderElectionNamespace())
                .withLeaseDuration(tuning.leaseDuration())
                .withRenewDeadline(tuning.renewDeadline())
                .withRetryPeriod(tuning.retryPeriod())
                .withExitOnStopLeading(false)
                .withLeaderCallbacks(new LeaderCallbacks(this::startedLeading, this::stoppedLeading,
                        leader -> LOG.info("Lease {}/{} is held by {}", config.leaderElectionNamespace(), LEASE_NAME, leader)));
        if (tuning.identity() != null && !tuning.identity().isBlank()) {
            builder.withIdentity(tuning.identity());
        }
        return builder.build();
    }

    private void startedLeading() {
        leading.set(true);
        LOG.info("Leading: reconciling CloudRecordings");
    }

    private void stoppedLeading() {
        leading.set(false);
        if (!stopping.get()) {
            LOG.error("Lost the Lease {}/{}; exiting so that this replica restarts as a standby",
                    config.leaderElectionNamespace(), LEASE_NAME);
            tuning.onLostLeadership().run();
        }
    }
}
