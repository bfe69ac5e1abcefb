package com.tencentcloud.trtc.operator.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults injected per action. Faults apply to calls that passed signature verification and the rate limit.
 * For each call the faults of its action are rolled in the order injected: the latencies that fire add up, and
 * the first error, HTTP status or commit-then-drop that fires decides the answer.
 */
public final class Faults {

    /** What the rolled faults ask of one call: wait this long, then apply {@code outcome} (null = answer normally). */
    record Plan(Duration latency, Fault outcome) {
    }

    private final Map<Action, List<Fault>> faults = new EnumMap<>(Action.class);
    private final Random random;

    Faults(Random random) {
        this.random = random;
    }

    /** Adds faults to an action (after those already there). */
    public synchronized Faults inject(Action action, Fault... added) {
        for (Fault f : added) {
            if (f.kind() == Fault.Kind.START_FAILURE && action != Action.CREATE) {
                throw new IllegalArgumentException("only " + Action.CREATE.wireName() + " can fail to start, not " + action.wireName());
            }
        }
        faults.computeIfAbsent(action, a -> new ArrayList<>()).addAll(List.of(added));
        return this;
    }

    /** Removes the faults of one action. */
    public synchronized void clear(Action action) {
        faults.remove(action);
    }

    /** Removes every fault. */
    public synchronized void clear() {
        faults.clear();
    }

    /** The faults of an action still able to fire. */
    public synchronized List<Fault> of(Action action) {
        return List.copyOf(faults.getOrDefault(action, List.of()));
    }

    synchronized Plan roll(Action action) {
        List<Fault> list = faults.get(action);
        if (list == null) {
            return new Plan(Duration.ZERO, null);
        }
        Duration latency = Duration.ZERO;
        Fault outcome = null;
        for (int i = 0; i < list.size(); i++) {
            Fault f = list.get(i);
            boolean decisive = f.kind() != Fault.Kind.LATENCY;
            if ((decisive && outcome != null) || f.times() == 0 || random.nextDouble() >= f.rate()) {
                continue;
            }
            if (f.times() > 0) {
                list.set(i, f.times(f.times() - 1));
            }
            if (decisive) {
                outcome = f;
            } else {
                latency = latency.plus(f.latency());
            }
        }
        list.removeIf(f -> f.times() == 0);
        return new Plan(latency, outcome);
    }
}
