package com.tencentcloud.trtc.operator.admission;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The task slots of each SdkAppId and the line of recordings that wait for one (design §11).
 *
 * <p><b>Slots.</b> A resource takes a slot when {@link #admit} lets it create, and holds it while
 * {@link SlotRules#holdsSlot} says its task may live: from its Create until the operator knows the task ended (a 302,
 * a Describe that no longer finds it, a successful Delete, or the resource gone). The reconciler reports every
 * resource it has handled with {@link #settle} and every resource that is gone with {@link #forget}; a slot freed
 * there goes to the head of the line at once, through {@code wake}, not at the next poll. A callback that ends a task
 * frees its slot when it arrives ({@link #ended}), before the reconcile that writes the end: the slot then goes to the
 * head while that write waits its turn at the API server.
 *
 * <p><b>The line.</b> Higher {@code spec.priority} first (absent 0); among equal priorities namespaces take turns
 * (the oldest of each namespace, then the second oldest of each, …), and within a namespace the oldest
 * ({@code creationTimestamp}, then name) goes first. The order depends only on what the resources say, so the line
 * rebuilt from the cache after a restart or failover is the line that was: the first call builds slots and line from
 * {@code cache}, so a new leader never starts more tasks than the limit allows.
 *
 * <p><b>TRTC says full.</b> When CreateCloudRecording answers {@code FailedOperation.RestrictedConcurrency} anyway
 * (tasks started outside the operator, a lower limit than configured), {@link #restricted} puts the resource back in
 * its place, and the number of the operator's own live tasks at that moment becomes the application's ceiling. A
 * task of the operator's own that ends frees a slot under the ceiling, which goes to the head at once, as any freed
 * slot does: no Create is spent finding out. Past the ceiling only the head of the line may probe, one Create at a
 * time, once per {@link #PROBE_INTERVAL}; a probe that gets a task raises the ceiling by one and lets the head probe
 * again at once (room freed outside the operator is taken one task at a time), a probe refused waits the interval
 * again. The ceiling is forgotten {@link #CAREFUL_FOR} after the last refusal.
 *
 * <p>Thread-safe: one lock for all applications; every operation is in memory and short.
 */
public final class TaskSlots {

    /** How often the head of the line of an application TRTC called full may probe it with a Create. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(30);
    /** How long after the last refusal an application keeps the ceiling that refusal set. */
    public static final Duration CAREFUL_FOR = Duration.ofMinutes(10);
    /** The shortest time between two refreshes of the position a waiting resource shows. */
    public static final Duration MIN_REFRESH = Duration.ofSeconds(5);
    /** The soonest a head waiting for its probe looks again, so a probe held back by a Create in flight is no hot loop. */
    static final Duration PROBE_RECHECK = Duration.ofSeconds(1);
    /** Status writes per second that the refreshes of one line may cost at most. */
    static final int REFRESHES_PER_SECOND = 20;

    /** Receives how the lines change, for metrics. */
    public interface Listener {

        /** {@code waiting} resources now wait for a slot of {@code sdkAppId}. */
        void queued(long sdkAppId, int waiting);

        /** A resource that had to wait got its slot after {@code waited}. */
        void waited(long sdkAppId, Duration waited);

        Listener NONE = new Listener() {
            @Override
            public void queued(long sdkAppId, int waiting) {
            }

            @Override
            public void waited(long sdkAppId, Duration waited) {
            }
        };
    }

    /** A waiting resource whose turn may have come: the reconciler looks at it now. */
    public record Turn(String namespace, String name) {
    }

    private record Entry(String uid, String namespace, String name, int priority, Instant created) {
    }

    private static final class App {
        final long sdkAppId;
        final Set<String> holders = new HashSet<>();
        final Set<String> creating = new HashSet<>();
        final Map<String, Entry> waiting = new HashMap<>();
        int limit;
        int ceiling;
        Instant probeAt;
        String prober;
        Instant carefulUntil = Instant.MIN;
        List<Entry> line;

        App(long sdkAppId, int limit) {
            this.sdkAppId = sdkAppId;
            this.limit = limit;
        }
    }

    private final TaskLimit limits;
    private final Clock clock;
    private final Supplier<Stream<CloudRecording>> cache;
    private final Consumer<Turn> wake;
    private final Listener listener;
    private final Map<Long, App> apps = new HashMap<>();
    private final Map<String, Instant> queuedSince = new HashMap<>();
    private final Map<String, String> endedEarly = new HashMap<>();
    private boolean built;

    /**
     * @param limits   the limit of each resource's application
     * @param clock    for probes and waiting times
     * @param cache    every CloudRecording the operator sees, read once, at the first call
     * @param wake     asks for a reconcile of a waiting resource whose turn may have come
     * @param listener told of line lengths and waits
     */
    public TaskSlots(TaskLimit limits, Clock clock, Supplier<Stream<CloudRecording>> cache, Consumer<Turn> wake,
                     Listener listener) {
        this.limits = limits;
        this.clock = clock;
        this.cache = cache;
        this.wake = wake;
        this.listener = listener;
    }

    /**
     * Whether {@code r}, which has no task, may call CreateCloudRecording now. Admitted, it holds a slot until
     * {@link #settle} or {@link #forget} finds it does not; queued, it has its place in the line.
     */
    public synchronized Admission admit(CloudRecording r) {
        build();
        App app = app(r);
        String uid = r.getMetadata().getUid();
        if (app.holders.contains(uid) || app.creating.contains(uid)) {
            return Admission.ADMITTED;
        }
        join(app, r);
        List<Entry> line = line(app);
        int position = position(line, uid);
        Instant now = clock.instant();
        if (position <= eligible(app, now)) {
            if (full(app, now)) {
                app.prober = uid;
                app.probeAt = now.plus(PROBE_INTERVAL);
            }
            app.waiting.remove(uid);
            app.line = null;
            app.creating.add(uid);
            Instant since = queuedSince.remove(uid);
            if (since != null) {
                listener.waited(app.sdkAppId, Duration.between(since, now));
            }
            listener.queued(app.sdkAppId, app.waiting.size());
            return Admission.ADMITTED;
        }
        queuedSince.putIfAbsent(uid, now);
        listener.queued(app.sdkAppId, app.waiting.size());
        Duration refresh = refresh(line.size());
        boolean full = full(app, now);
        if (full && position == 1) {
            Duration untilProbe = Duration.between(now, app.probeAt);
            refresh = untilProbe.compareTo(PROBE_RECHECK) < 0 ? PROBE_RECHECK : untilProbe.compareTo(refresh) < 0 ? untilProbe : refresh;
        }
        return new Admission.Queued(position, line.size(), app.sdkAppId, app.limit, full, refresh);
    }

    /**
     * Whether {@code r} waits in line and its turn has come: {@link #admit} would let it create now. Changes nothing;
     * the reconciler asks it to let such a resource past the threads its namespace's other work holds.
     */
    public synchronized boolean turnCame(CloudRecording r) {
        if (r.getSpec() == null || r.getSpec().getSdkAppId() == null) {
            return false;
        }
        build();
        App app = apps.get(r.getSpec().getSdkAppId());
        String uid = r.getMetadata().getUid();
        if (app == null || !app.waiting.containsKey(uid)) {
            return false;
        }
        return position(line(app), uid) <= eligible(app, clock.instant());
    }

    /**
     * CreateCloudRecording for {@code r} answered {@code FailedOperation.RestrictedConcurrency}: {@code r} goes back to
     * its place in the line, and the operator's live tasks of its application are as many as TRTC allows for now.
     */
    public synchronized void restricted(CloudRecording r) {
        build();
        App app = app(r);
        String uid = r.getMetadata().getUid();
        app.creating.remove(uid);
        app.holders.remove(uid);
        join(app, r);
        queuedSince.putIfAbsent(uid, clock.instant());
        Instant now = clock.instant();
        app.ceiling = app.holders.size();
        app.prober = null;
        app.probeAt = now.plus(PROBE_INTERVAL);
        app.carefulUntil = now.plus(CAREFUL_FOR);
        listener.queued(app.sdkAppId, app.waiting.size());
    }

    /**
     * A callback that just arrived says that the task {@code r} holds its slot for has ended for good (applying it
     * leaves {@code r} without a live task: not {@code Restarting}); {@code r} is the resource as the cache holds it,
     * before the reconcile that writes so. The slot goes to the head of the line now. Until a resource reported to
     * {@link #settle} shows another task or no live one, {@code r}'s stored status still naming that task does not
     * take the slot again.
     */
    public synchronized void ended(CloudRecording r) {
        String task = SlotRules.taskId(r);
        if (r.getSpec() == null || r.getSpec().getSdkAppId() == null || task == null || SlotRules.createPending(r)) {
            return;
        }
        build();
        App app = app(r);
        String uid = r.getMetadata().getUid();
        if (app.holders.remove(uid)) {
            endedEarly.put(uid, task);
            if (uid.equals(app.prober)) {
                app.prober = null;
            }
            moved(app, uid);
        }
    }

    /**
     * What the reconciler left {@code r} as, after handling it: a task that ended frees its slot, a Create that
     * left no task gives its slot back, a resource that no longer waits (paused, stalled, backing off after an error
     * of its own) leaves the line. Freed slots go to the head of the line at once.
     */
    public synchronized void settle(CloudRecording r) {
        if (r.getSpec() == null || r.getSpec().getSdkAppId() == null) {
            return;
        }
        build();
        App app = app(r);
        String uid = r.getMetadata().getUid();
        boolean changed;
        if (SlotRules.holdsSlot(r) && !stillEnded(uid, r)) {
            app.creating.remove(uid);
            changed = app.holders.add(uid) | app.waiting.remove(uid) != null;
            queuedSince.remove(uid);
            if (uid.equals(app.prober)) {
                app.prober = null;
                app.ceiling = Math.max(app.ceiling, app.holders.size());
                app.probeAt = clock.instant();
                changed = true;
            }
        } else {
            if (!SlotRules.holdsSlot(r)) {
                endedEarly.remove(uid);
            }
            boolean wasCreating = app.creating.remove(uid);
            boolean ended = app.holders.remove(uid);
            if (uid.equals(app.prober)) {
                app.prober = null;
            }
            changed = wasCreating | ended;
            if (SlotRules.waits(r)) {
                if (wasCreating) {
                    join(app, r);
                }
            } else {
                changed |= app.waiting.remove(uid) != null;
                queuedSince.remove(uid);
            }
        }
        if (changed) {
            app.line = null;
            moved(app, uid);
        }
    }

    /**
     * Whether {@code r}, which looks as if it held a slot, still shows the task a callback said had ended
     * ({@link #ended}): its status is not written yet. Forgets that task once {@code r} shows another, or a Create in flight.
     */
    private boolean stillEnded(String uid, CloudRecording r) {
        String task = endedEarly.get(uid);
        if (task == null) {
            return false;
        }
        if (task.equals(SlotRules.taskId(r)) && !SlotRules.createPending(r)) {
            return true;
        }
        endedEarly.remove(uid);
        return false;
    }

    /** {@code r} is gone: its slot, or its place in the line, goes to the next. */
    public synchronized void forget(CloudRecording r) {
        if (r.getSpec() == null || r.getSpec().getSdkAppId() == null) {
            return;
        }
        build();
        App app = app(r);
        String uid = r.getMetadata().getUid();
        queuedSince.remove(uid);
        endedEarly.remove(uid);
        if (uid.equals(app.prober)) {
            app.prober = null;
        }
        boolean changed = app.holders.remove(uid) | app.creating.remove(uid) | app.waiting.remove(uid) != null;
        if (changed) {
            app.line = null;
            moved(app, uid);
        }
    }

    /** How many slots of {@code sdkAppId} are held or being taken, and how many resources wait: for tests and the bench. */
    public synchronized int[] counts(long sdkAppId) {
        App app = apps.get(sdkAppId);
        return app == null ? new int[] {0, 0} : new int[] {app.holders.size() + app.creating.size(), app.waiting.size()};
    }

    /** The applications known so far (from the cache at the first call, and from every resource since). */
    public synchronized Set<Long> applications() {
        return Set.copyOf(apps.keySet());
    }

    private void build() {
        if (built) {
            return;
        }
        built = true;
        cache.get().forEach(r -> {
            if (r.getSpec() == null || r.getSpec().getSdkAppId() == null) {
                return;
            }
            App app = app(r);
            if (SlotRules.holdsSlot(r)) {
                app.holders.add(r.getMetadata().getUid());
            } else if (SlotRules.waits(r)) {
                join(app, r);
                queuedSince.putIfAbsent(r.getMetadata().getUid(), created(r));
            }
        });
        apps.values().forEach(a -> listener.queued(a.sdkAppId, a.waiting.size()));
    }

    private App app(CloudRecording r) {
        int limit = limits.limitFor(r);
        App app = apps.computeIfAbsent(r.getSpec().getSdkAppId(), id -> new App(id, limit));
        if (app.limit != limit) {
            app.limit = limit;
            app.line = null;
        }
        return app;
    }

    private void join(App app, CloudRecording r) {
        var meta = r.getMetadata();
        Integer priority = r.getSpec().getPriority();
        Entry entry = new Entry(meta.getUid(), meta.getNamespace(), meta.getName(), priority == null ? 0 : priority, created(r));
        if (!entry.equals(app.waiting.put(meta.getUid(), entry))) {
            app.line = null;
        }
    }

    /** How many from the head of the line may create now. */
    private static int eligible(App app, Instant now) {
        int taken = app.holders.size() + app.creating.size();
        if (!now.isBefore(app.carefulUntil)) {
            return Math.max(0, app.limit - taken);
        }
        int room = Math.min(app.limit, app.ceiling) - taken;
        if (room > 0) {
            return room;
        }
        return app.creating.isEmpty() && taken < app.limit && !now.isBefore(app.probeAt) ? 1 : 0;
    }

    /** Whether TRTC said lately that the application has no room past the tasks the operator now holds. */
    private static boolean full(App app, Instant now) {
        int taken = app.holders.size() + app.creating.size();
        return now.isBefore(app.carefulUntil) && taken >= app.ceiling && taken < app.limit;
    }

    /** The line moved: everyone whose turn may have come is looked at now, and the head of a full application too. */
    private void moved(App app, String self) {
        List<Entry> line = line(app);
        Instant now = clock.instant();
        int turns = Math.min(line.size(), Math.max(eligible(app, now), full(app, now) ? 1 : 0));
        for (Entry e : line.subList(0, turns)) {
            if (!e.uid().equals(self)) {
                wake.accept(new Turn(e.namespace(), e.name()));
            }
        }
        listener.queued(app.sdkAppId, app.waiting.size());
    }

    private static List<Entry> line(App app) {
        if (app.line != null) {
            return app.line;
        }
        Map<String, List<Entry>> byPriorityAndNamespace = new HashMap<>();
        Comparator<Entry> age = Comparator.comparing(Entry::created).thenComparing(Entry::name);
        for (Entry e : app.waiting.values()) {
            byPriorityAndNamespace.computeIfAbsent(e.priority() + "/" + e.namespace(), k -> new ArrayList<>()).add(e);
        }
        record Ranked(Entry entry, int turn) {
        }
        List<Ranked> ranked = new ArrayList<>(app.waiting.size());
        for (List<Entry> group : byPriorityAndNamespace.values()) {
            group.sort(age);
            for (int i = 0; i < group.size(); i++) {
                ranked.add(new Ranked(group.get(i), i));
            }
        }
        ranked.sort(Comparator.<Ranked>comparingInt(x -> -x.entry().priority()).thenComparingInt(Ranked::turn)
                .thenComparing(x -> x.entry().created()).thenComparing(x -> x.entry().namespace())
                .thenComparing(x -> x.entry().name()));
        app.line = ranked.stream().map(Ranked::entry).toList();
        return app.line;
    }

    private static int position(List<Entry> line, String uid) {
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).uid().equals(uid)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("resource " + uid + " is not in the line it just joined");
    }

    /** Refreshes of a long line are spread out so that the line costs at most {@value #REFRESHES_PER_SECOND} writes a second. */
    private static Duration refresh(int length) {
        Duration spread = Duration.ofMillis(1000L * length / REFRESHES_PER_SECOND);
        return spread.compareTo(MIN_REFRESH) > 0 ? spread : MIN_REFRESH;
    }

    private static Instant created(CloudRecording r) {
        String ts = r.getMetadata().getCreationTimestamp();
        return ts == null ? Instant.EPOCH : Instant.parse(ts);
    }
}
