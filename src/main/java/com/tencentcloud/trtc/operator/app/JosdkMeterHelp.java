package com.tencentcloud.trtc.operator.app;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;

/**
 * Help text for the Java Operator SDK's meters, which it registers without one (Prometheus then shows an empty
 * {@code # HELP} line and {@code promtool check metrics} reports each). A meter filter adds it as JOSDK registers the
 * meter; a meter this table does not know (a newer JOSDK) still gets a generic text naming it.
 */
final class JosdkMeterHelp implements MeterFilter {

    static final String PREFIX = "operator.sdk.";

    private static final Map<String, String> BY_PREFIX = Map.of(
            "operator.sdk.reconciliations.started", "Reconciliations started, by resource kind and retry attempt",
            "operator.sdk.reconciliations.success", "Reconciliations that finished without an exception",
            "operator.sdk.reconciliations.failed", "Reconciliations that ended with an exception, by exception",
            "operator.sdk.reconciliations.executions.", "Reconciliations of this controller running now",
            "operator.sdk.reconciliations.queue.size.", "Resources of this controller waiting for a reconcile",
            "operator.sdk.events.received", "Kubernetes events the controllers received",
            "operator.sdk.events.delete", "Delete events the controllers received",
            "operator.sdk.controllers.execution.", "Controller executions (reconcile, cleanup): duration and outcome");

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(PREFIX) || (id.getDescription() != null && !id.getDescription().isBlank())) {
            return id;
        }
        return new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), describe(id.getName()), id.getType());
    }

    static String describe(String name) {
        return BY_PREFIX.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(Map.Entry::getValue)
                .orElse("Java Operator SDK meter " + name);
    }
}
