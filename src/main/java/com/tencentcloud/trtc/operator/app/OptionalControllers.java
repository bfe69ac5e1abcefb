package com.tencentcloud.trtc.operator.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OptionalController}s: those whose CRD is served at start-up in the main operator, the others as
 * soon as their CRD appears, without a restart.
 *
 * <p>Whether a CRD is served is asked of the API server's discovery ({@code /apis/<group>/<version>}), which every
 * authenticated client may read, so the operator needs no permission on CRDs. A missing CRD is reported once, as a
 * warning naming it and the command that installs it; the operator stays ready and manages everything else. While
 * one is missing, discovery is asked again every {@code interval}.
 *
 * <p>JOSDK 5.2.3 refuses to register a controller in an operator that has started ("Operator already started"), so a
 * controller whose CRD appears later runs in an operator of its own, from {@code lateOperators}: same Kubernetes
 * client, same settings and metrics registry, without leader election of its own. It starts only while
 * {@code leading} holds; a replica that loses the Lease exits, which takes the late operators with it.
 *
 * <p>The gauge {@code trtc_operator_controller_running{crd}} is 1 for each optional controller that runs and 0 for one
 * that waits for its CRD.
 */
final class OptionalControllers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OptionalControllers.class);

    private final KubernetesClient client;
    private final Supplier<Operator> lateOperators;
    private final BooleanSupplier leading;
    private final List<OptionalController> controllers;
    private final Map<OptionalController, Boolean> running = new ConcurrentHashMap<>();
    private final List<Operator> started = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService checker;
    private boolean closed;

    OptionalControllers(KubernetesClient client, List<OptionalController> controllers, Supplier<Operator> lateOperators,
                        BooleanSupplier leading, MeterRegistry registry) {
        this.client = client;
        this.lateOperators = lateOperators;
        this.leading = leading;
        this.controllers = List.copyOf(controllers);
        controllers.forEach(c -> {
            running.put(c, false);
            Gauge.builder("trtc.operator.controller.running", this, o -> o.isRunning(c) ? 1 : 0)
                    .description("1 while the controller of an optional CRD runs, 0 while it waits for its CRD")
                    .tag("crd", c.crd()).strongReference(true).register(registry);
        });
    }

    /**
     * Registers in {@code operator}, which has not started, every controller whose CRD is served, and warns once for
     * each other one.
     */
    synchronized void registerServed(Operator operator) {
        controllers.forEach(c -> {
            if (served(c)) {
                c.register().accept(operator);
                running.put(c, true);
                return;
            }
            LOG.warn("The CRD {} is not installed: {} resources are not managed until it is; the operator checks every"
                            + " so often and starts their controller when it appears, no restart needed. Install it"
                            + " with: {}", c.crd(), c.kind(), c.installHint());
        });
    }

    /** Checks for the missing CRDs every {@code interval} until each is served; nothing to do when none is missing. */
    synchronized void start(Duration interval) {
        if (!missing().isEmpty()) {
            checker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "optional-crds");
                t.setDaemon(true);
                return t;
            });
            checker.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Whether {@code controller} runs. */
    boolean isRunning(OptionalController controller) {
        return running.getOrDefault(controller, false);
    }

    /** The CRDs whose controllers wait for them, in registration order. */
    List<String> missing() {
        return controllers.stream().filter(c -> !isRunning(c)).map(OptionalController::crd).toList();
    }

    /** True unless an operator started here has an unhealthy event source. */
    boolean healthy() {
        return started.stream().allMatch(o -> o.getRuntimeInfo().isStarted()
                && o.getRuntimeInfo().allEventSourcesAreHealthy());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (checker != null) {
            checker.shutdownNow();
        }
        started.forEach(Operator::stop);
    }

    private void check() {
        try {
            startAppeared();
        } catch (RuntimeException e) {
            LOG.warn("Checking for the missing CRDs {} failed; trying again in a while", missing(), e);
        }
    }

    private synchronized void startAppeared() {
        if (closed || !leading.getAsBoolean()) {
            return;
        }
        List<OptionalController> appeared = controllers.stream().filter(c -> !isRunning(c)).filter(this::served)
                .toList();
        if (appeared.isEmpty()) {
            return;
        }
        Operator operator = lateOperators.get();
        appeared.forEach(c -> c.register().accept(operator));
        try {
            operator.start();
        } catch (RuntimeException e) {
            LOG.error("The CRD of {} is installed now, but its controller did not start; trying again in a while",
                    appeared.stream().map(OptionalController::kind).toList(), e);
            operator.stop();
            return;
        }
        started.add(operator);
        appeared.forEach(c -> {
            running.put(c, true);
            LOG.info("The CRD {} is installed now: {} resources are managed from here on", c.crd(), c.kind());
        });
        if (missing().isEmpty()) {
            checker.shutdown();
        }
    }

    private boolean served(OptionalController controller) {
        try {
            return client.supports(controller.resource());
        } catch (KubernetesClientException e) {
            LOG.debug("Discovery of {} failed; counted as not installed for now", controller.crd(), e);
            return false;
        }
    }
}
