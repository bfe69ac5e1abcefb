package com.tencentcloud.trtc.operator.app;

import com.tencentcloud.trtc.operator.admission.TaskSlots;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.trtc.TrtcCallListener;
import com.tencentcloud.trtc.operator.trtc.TrtcRateLimiter;
import com.tencentcloud.trtc.operator.trtc.TrtcRateLimiters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The operator's own metrics, in one Prometheus registry that {@code /metrics} exposes (JOSDK's reconcile metrics
 * are registered in the same registry). Names as Prometheus shows them:
 * <ul>
 *   <li>{@code trtc_requests_total{action, code}}: TRTC calls by action and result; {@code code} is
 *       {@code Success}, Tencent's {@code Error.Code}, {@code TransportError} (never reached Tencent),
 *       {@code OutcomeUnknown} (may have been carried out) or {@code NotSent};</li>
 *   <li>{@code trtc_request_duration_seconds{action}}: histogram of call latency, rate-limit waiting excluded;</li>
 *   <li>{@code trtc_ratelimiter_wait_seconds{action}}: histogram of the time callers waited for a permit;</li>
 *   <li>{@code trtc_ratelimiter_rate{action}}: the requests per second an action is currently limited to (lower
 *       than the configured limit while slowed down after a {@code RequestLimitExceeded});</li>
 *   <li>{@code trtc_account_requests_total{account, action}}: TRTC calls sent, by the TrtcAccount whose budget they
 *       used ({@code _default} for the operator's default budget) and action;</li>
 *   <li>{@code trtc_account_ratelimiter_rate{account, action}}: the requests per second a TrtcAccount's action is
 *       currently limited to, from the account's first call on;</li>
 *   <li>{@code trtc_create_outcome_unknown_total}: CreateCloudRecording calls whose outcome is unknown;</li>
 *   <li>{@code cloudrecording_resources{phase}}: CloudRecordings in the operator's cache by {@code status.phase}
 *       (none yet counts as {@code Pending});</li>
 *   <li>{@code cloudrecording_archived_resources}: finished CloudRecordings archived out of the cache;</li>
 *   <li>{@code cloudrecording_time_to_task_id_seconds}: histogram of the time from a resource's creation to its
 *       {@code taskId}, recorded by the leader when a resource first shows one;</li>
 *   <li>{@code trtc_operator_leader}: 1 while this replica leads (always 1 without leader election);</li>
 *   <li>{@code trtc_operator_controller_running{crd}}: 1 while the controller of an optional CRD runs, 0 while it
 *       waits for its CRD (registered by {@link OptionalControllers});</li>
 *   <li>{@code trtc_callbacks_total{event, result}}: TRTC recording callbacks received, by event type ({@code 301}…
 *       {@code 312}, or {@code unknown}) and what became of them ({@code accepted}, {@code duplicate},
 *       {@code ignored}, {@code unknown_task}, {@code unauthorized}, {@code malformed}, {@code too_large},
 *       {@code timeout}, {@code refused}); every pair exists from start-up, at zero;</li>
 *   <li>{@code trtc_throttled_total{action}}: calls Tencent answered with {@code RequestLimitExceeded*};</li>
 *   <li>{@code trtc_reconcile_errors_total{controller}}: reconciles that ended with an exception (a Kubernetes
 *       failure: TRTC errors never escape a reconcile);</li>
 *   <li>{@code trtc_recordings_queued{sdk_app_id}}: recordings waiting for a task slot of the application (design §11),
 *       a series for every application of the cached resources from the first reconcile on;</li>
 *   <li>{@code trtc_queue_wait_seconds}: histogram of how long recordings that had to wait waited for their slot.</li>
 *   <li>{@code jvm_memory_*}: Micrometer's JVM memory meters (heap and non-heap by pool).</li>
 * </ul>
 * Every series an alert or a dashboard panel reads exists from start-up, at zero where nothing happened yet, so that
 * {@code rate()}, {@code increase()} and {@code absent()} behave ({@code config/components/monitoring}); JOSDK's meters
 * get their help text from {@link JosdkMeterHelp}.
 */
public final class OperatorMetrics implements TrtcCallListener {

    /** The four actions, registered up front so that their series exist before the first call. */
    public static final List<String> ACTIONS = List.of("CreateCloudRecording", "DescribeCloudRecording",
            "ModifyCloudRecording", "DeleteCloudRecording");

    /** The causes of a restart (design §10): a 302 with LeaveCode 100, a 301 with Status 1, and any other. */
    public static final List<String> RESTART_REASONS = List.of("RoomTimeout", "StartFailed", "Other");

    /** The {@code event} label of {@code trtc_callbacks_total}: the recording event types and {@code unknown}. */
    public static final List<String> CALLBACK_EVENTS = Stream.concat(
            IntStream.rangeClosed(RecordingCallback.RECORDER_STARTED, RecordingCallback.VOD_FINISHED).mapToObj(String::valueOf),
            Stream.of("unknown")).toList();

    /** The {@code result} label of {@code trtc_callbacks_total}. */
    public static final List<String> CALLBACK_RESULTS = List.of(CallbackServer.Result.ACCEPTED,
            CallbackServer.Result.DUPLICATE, CallbackServer.Result.IGNORED, CallbackServer.Result.UNKNOWN_TASK,
            CallbackServer.Result.UNAUTHORIZED, CallbackServer.Result.MALFORMED, CallbackServer.Result.TOO_LARGE,
            CallbackServer.Result.TIMEOUT, CallbackServer.Result.REFUSED);

    private static final String THROTTLED_PREFIX = "RequestLimitExceeded";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter createOutcomeUnknown;
    private final Timer timeToTaskId;
    private final Timer queueWait;
    private final Map<Long, AtomicInteger> queued = new ConcurrentHashMap<>();

    public OperatorMetrics() {
        registry.config().meterFilter(new JosdkMeterHelp());
        createOutcomeUnknown = Counter.builder("trtc.create.outcome.unknown")
                .description("CreateCloudRecording calls whose outcome is unknown (a task may have started)")
                .register(registry);
        timeToTaskId = Timer.builder("cloudrecording.time.to.task.id")
                .description("Time from a CloudRecording's creation to its TaskId")
                .serviceLevelObjectives(seconds(1), seconds(5), seconds(15), seconds(30), seconds(60), seconds(120),
                        seconds(300), seconds(600), seconds(1800))
                .register(registry);
        queueWait = Timer.builder("trtc.queue.wait")
                .description("Time a recording waited in line for a task slot of its SdkAppId")
                .serviceLevelObjectives(seconds(1), seconds(5), seconds(15), seconds(30), seconds(60), seconds(120),
                        seconds(300), seconds(600), seconds(1800), seconds(3600))
                .register(registry);
        ACTIONS.forEach(a -> {
            latency(a);
            waiting(a);
            requests(a, "Success");
            throttled(a);
        });
        RESTART_REASONS.forEach(this::restarts);
        CALLBACK_EVENTS.forEach(e -> CALLBACK_RESULTS.forEach(r -> callbacks(e, r)));
        new JvmMemoryMetrics().bindTo(registry);
    }

    /** The registry, for JOSDK's Micrometer metrics and for gauges of other modules. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Publishes the current rate of each action of {@code limiter}. */
    public void bind(TrtcRateLimiter limiter) {
        ACTIONS.forEach(a -> Gauge.builder("trtc.ratelimiter.rate", limiter, l -> l.currentRate(a))
                .description("Requests per second the action is currently limited to")
                .tag("action", a).strongReference(true).register(registry));
    }

    /** Publishes the current rate of each action of every account of {@code limiters}, as each is first seen. */
    public TrtcRateLimiters.Listener accountRates(java.util.function.Supplier<TrtcRateLimiters> limiters) {
        return account -> ACTIONS.forEach(a -> Gauge.builder("trtc.account.ratelimiter.rate", limiters,
                        l -> l.get().currentRate(account, a))
                .description("Requests per second a TrtcAccount's action is currently limited to")
                .tag("account", account).tag("action", a).strongReference(true).register(registry));
    }

    @Override
    public void permitGranted(String account, String action) {
        Counter.builder("trtc.account.requests").description("TRTC calls sent, by the account whose rate budget they used")
                .tag("account", account).tag("action", action).register(registry).increment();
    }

    /** Publishes whether this replica leads. */
    public void bindLeadership(BooleanSupplier leader) {
        Gauge.builder("trtc.operator.leader", leader, l -> l.getAsBoolean() ? 1 : 0)
                .description("1 while this replica is the leader").strongReference(true).register(registry);
    }

    /** Exposes how many finished recordings are archived out of the operator's cache (README, "Finished recordings"). */
    public void bindArchived(IntSupplier archived) {
        Gauge.builder("cloudrecording.archived.resources", archived, IntSupplier::getAsInt)
                .description("Finished CloudRecordings labelled trtc.tencentcloud.com/finished, kept out of the operator's cache")
                .strongReference(true).register(registry);
    }

    /** A resource showed its TaskId {@code elapsed} after it was created. */
    public void recordTimeToTaskId(Duration elapsed) {
        timeToTaskId.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    /**
     * A new task replaced one that ended by fault; {@code reason} is the failed task's end reason, one of
     * {@link #RESTART_REASONS} (any other value is counted as {@code Other}, so the label stays bounded).
     */
    public void taskRestarted(String reason) {
        restarts(RESTART_REASONS.contains(reason) ? reason : "Other").increment();
    }

    private Counter restarts(String reason) {
        return Counter.builder("trtc.recording.restarts")
                .description("New recording tasks started in place of tasks that ended by fault, by the failed task's end reason")
                .tag("reason", reason).register(registry);
    }

    /** What the lines of recordings waiting for task slots report: {@code trtc_recordings_queued}, {@code trtc_queue_wait_seconds}. */
    public TaskSlots.Listener queue() {
        return new TaskSlots.Listener() {
            @Override
            public void queued(long sdkAppId, int waiting) {
                queued.computeIfAbsent(sdkAppId, id -> {
                    AtomicInteger count = new AtomicInteger();
                    Gauge.builder("trtc.recordings.queued", count, AtomicInteger::get)
                            .description("Recordings waiting for a task slot of the SdkAppId")
                            .tag("sdk_app_id", Long.toString(id)).strongReference(true).register(registry);
                    return count;
                }).set(waiting);
            }

            @Override
            public void waited(long sdkAppId, Duration waited) {
                queueWait.record(waited.isNegative() ? Duration.ZERO : waited);
            }
        };
    }

    /** A TRTC recording callback was answered. */
    public void callbackHandled(String event, String result) {
        callbacks(event, result).increment();
    }

    /** The reconcile-error counter of {@code controller}; asking registers it at zero. */
    public Counter reconcileErrors(String controller) {
        return Counter.builder("trtc.reconcile.errors")
                .description("Reconciles that ended with an exception, by controller (retried by JOSDK)")
                .tag("controller", controller).register(registry);
    }

    @Override
    public void callFinished(String action, String result, Duration latency) {
        requests(action, result).increment();
        latency(action).record(latency);
        if (result != null && result.startsWith(THROTTLED_PREFIX)) {
            throttled(action).increment();
        }
        if ("CreateCloudRecording".equals(action) && OUTCOME_UNKNOWN.equals(result)) {
            createOutcomeUnknown.increment();
        }
    }

    @Override
    public void permitWaited(String action, Duration waited) {
        waiting(action).record(waited);
    }

    private Counter requests(String action, String code) {
        return Counter.builder("trtc.requests").description("TRTC API calls by action and result code")
                .tag("action", action).tag("code", code).register(registry);
    }

    private Counter throttled(String action) {
        return Counter.builder("trtc.throttled")
                .description("TRTC API calls Tencent answered with RequestLimitExceeded, by action")
                .tag("action", action).register(registry);
    }

    private Counter callbacks(String event, String result) {
        return Counter.builder("trtc.callbacks").description("TRTC recording callbacks received, by event type and result")
                .tag("event", event).tag("result", result).register(registry);
    }

    private Timer latency(String action) {
        return Timer.builder("trtc.request.duration").description("TRTC API call latency, rate-limit waiting excluded")
                .tag("action", action)
                .serviceLevelObjectives(millis(25), millis(50), millis(100), millis(250), millis(500), seconds(1),
                        seconds(2), seconds(5), seconds(10), seconds(15))
                .register(registry);
    }

    private Timer waiting(String action) {
        return Timer.builder("trtc.ratelimiter.wait").description("Time spent waiting for a TRTC rate-limit permit")
                .tag("action", action)
                .serviceLevelObjectives(millis(1), millis(10), millis(50), millis(100), millis(500), seconds(1),
                        seconds(5), seconds(10), seconds(30), seconds(60))
                .register(registry);
    }

    private static Duration millis(long n) {
        return Duration.ofMillis(n);
    }

    private static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }
}
