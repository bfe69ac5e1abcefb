package com.tencentcloud.trtc.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventSourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events about a CloudRecording or a CloudRecordingSchedule ({@code kubectl describe crec}). Callers pass
 * messages that hold no secret value.
 *
 * <p>Best effort and never in a reconcile's way: an Event is stamped when it is recorded and written in the
 * background, so a reconcile does not wait for one more API write before its resource's next call (a Create's
 * {@code Created} Event was one of its five writes). One resource's Events are written in the order they were
 * recorded ({@value #LANES} writer threads, a resource always on the same one). An Event that cannot be written, or
 * that finds {@value #QUEUED_PER_LANE} others waiting on its thread, is dropped with a log line; neither ever fails a
 * reconcile.
 */
public class EventRecorder {

    public static final String COMPONENT = "trtc-recording-operator";
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    static final int LANES = 4;
    static final int QUEUED_PER_LANE = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final ThreadPoolExecutor[] lanes;

    /** Writes Events in the background. */
    public EventRecorder(KubernetesClient client, Clock clock) {
        this(client, clock, true);
    }

    /**
     * @param background whether Events are written in the background; {@code false} writes each before
     *                   {@link #normal}/{@link #warning} return, for a caller that reads them right after
     */
    public EventRecorder(KubernetesClient client, Clock clock, boolean background) {
        this.client = client;
        this.clock = clock;
        this.lanes = new ThreadPoolExecutor[background ? LANES : 0];
        for (int i = 0; i < lanes.length; i++) {
            String name = "trtc-events-" + i;
            ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(QUEUED_PER_LANE), r -> {
                        Thread t = new Thread(r, name);
                        t.setDaemon(true);
                        return t;
                    });
            lane.allowCoreThreadTimeOut(true);
            lanes[i] = lane;
        }
    }

    public void normal(HasMetadata resource, String reason, String message) {
        record(resource, NORMAL, reason, message);
    }

    public void warning(HasMetadata resource, String reason, String message) {
        record(resource, WARNING, reason, message);
    }

    protected void record(HasMetadata resource, String type, String reason, String message) {
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        var meta = resource.getMetadata();
        Event event = new EventBuilder()
                .withNewMetadata().withGenerateName(meta.getName() + ".").withNamespace(meta.getNamespace()).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(resource.getApiVersion())
                        .withKind(resource.getKind())
                        .withName(meta.getName())
                        .withNamespace(meta.getNamespace())
                        .withUid(meta.getUid())
                        .withResourceVersion(meta.getResourceVersion())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withSource(new EventSourceBuilder().withComponent(COMPONENT).build())
                .withReportingComponent(COMPONENT)
                .build();
        if (lanes.length == 0) {
            write(event);
            return;
        }
        String key = meta.getUid() != null ? meta.getUid() : meta.getNamespace() + "/" + meta.getName();
        try {
            lanes[Math.floorMod(key.hashCode(), LANES)].execute(() -> write(event));
        } catch (RejectedExecutionException e) {
            LOG.warn("{}/{}: dropped event {}: {} others wait to be written", meta.getNamespace(), meta.getName(), reason,
                    QUEUED_PER_LANE);
        }
    }

    private void write(Event event) {
        var meta = event.getMetadata();
        try {
            client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
        } catch (RuntimeException e) {
            LOG.warn("{}/{}: could not record event {}: {}", meta.getNamespace(), event.getInvolvedObject().getName(),
                    event.getReason(), e.getMessage());
        }
    }
}
