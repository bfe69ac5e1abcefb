package com.tencentcloud.trtc.operator.trtc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One turn at a time, handed round-robin across tenants: each tenant's waiters queue in arrival order, and the
 * turn goes to the first waiter of the tenant that was served longest ago, so a tenant that arrives behind another
 * tenant's hundred waiters is served after at most one of them. Written by hand: the limiter needs the fair
 * order in front of its own two rules, and no library here offers a fair-by-key turnstile. Thread-safe.
 */
final class RoundRobinTurns {

    private static final class Waiter {
        private boolean granted;
    }

    private final Map<String, Deque<Waiter>> waiting = new LinkedHashMap<>();
    private boolean held;
    private int count;

    /** Waits for the turn; the caller must {@link #leave()} once done with it. */
    synchronized void enter(String tenant) throws InterruptedException {
        if (!held && waiting.isEmpty()) {
            held = true;
            return;
        }
        Waiter me = new Waiter();
        waiting.computeIfAbsent(tenant, t -> new ArrayDeque<>()).addLast(me);
        count++;
        try {
            while (!me.granted) {
                wait();
            }
        } catch (InterruptedException e) {
            if (me.granted) {
                passOn();
            } else {
                Deque<Waiter> queue = waiting.get(tenant);
                queue.remove(me);
                count--;
                if (queue.isEmpty()) {
                    waiting.remove(tenant);
                }
            }
            throw e;
        }
    }

    /** Gives the turn to the next tenant's first waiter. */
    synchronized void leave() {
        passOn();
    }

    /** How many callers wait for a turn. */
    synchronized int waiting() {
        return count;
    }

    /** How many callers of {@code tenant} wait for a turn. */
    synchronized int waiting(String tenant) {
        Deque<Waiter> queue = waiting.get(tenant);
        return queue == null ? 0 : queue.size();
    }

    private void passOn() {
        held = false;
        Iterator<Map.Entry<String, Deque<Waiter>>> next = waiting.entrySet().iterator();
        if (!next.hasNext()) {
            return;
        }
        Map.Entry<String, Deque<Waiter>> entry = next.next();
        next.remove();
        Waiter waiter = entry.getValue().pollFirst();
        if (!entry.getValue().isEmpty()) {
            waiting.put(entry.getKey(), entry.getValue());
        }
        count--;
        waiter.granted = true;
        held = true;
        notifyAll();
    }
}
