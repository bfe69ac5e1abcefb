package com.tencentcloud.trtc.operator.reconciler;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.EventSourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events about a CloudRecording or a CloudRecordingSchedule ({@code kubectl describe crec}). Best effort: a failure to record
 * an event is logged and never fails a reconcile. Callers pass messages that hold no secret value.
 */
public class EventRecorder {

    public static final String COMPONENT = "trtc-recording-operator";
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final Clock clock;

    public EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
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
        try {
            client.v1().events().inNamespace(meta.getNamespace()).resource(new EventBuilder()
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
                    .build()).create();
        } catch (KubernetesClientException e) {
            LOG.warn("{}/{}: could not record event {}: {}", meta.getNamespace(), meta.getName(), reason, e.getMessage());
        }
    }
}
