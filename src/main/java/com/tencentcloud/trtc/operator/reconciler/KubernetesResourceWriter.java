package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link ResourceWriter} over the Kubernetes API. Status and annotation writes are JSON patches computed
 * against the stored object, so they never overwrite a user's concurrent change to other fields; only
 * {@link #markCreatePending} is a locked update, because it is the create guard.
 */
public final class KubernetesResourceWriter implements ResourceWriter {

    private final KubernetesClient client;

    public KubernetesResourceWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
        return named(resource).editStatus(stored -> {
            stored.setStatus(status);
            return stored;
        });
    }

    @Override
    public CloudRecording markCreatePending(CloudRecording resource, Instant now) throws StaleResourceException {
        CloudRecording copy = new CloudRecording();
        copy.setMetadata(new ObjectMetaBuilder(resource.getMetadata()).build());
        copy.setSpec(resource.getSpec());
        Map<String, String> annotations = new HashMap<>(annotations(copy));
        annotations.put(CloudRecording.ANNOTATION_CREATE_PENDING, now.toString());
        copy.getMetadata().setAnnotations(annotations);
        try {
            return client.resource(copy).update();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new StaleResourceException("resource version " + resource.getMetadata().getResourceVersion() + " is no longer current", e);
            }
            throw e;
        }
    }

    @Override
    public CloudRecording recordTaskId(CloudRecording resource, String taskId) {
        return named(resource).edit(stored -> {
            Map<String, String> annotations = new HashMap<>(annotations(stored));
            annotations.remove(CloudRecording.ANNOTATION_CREATE_PENDING);
            annotations.put(CloudRecording.ANNOTATION_TASK_ID, taskId);
            stored.getMetadata().setAnnotations(annotations);
            return stored;
        });
    }

    @Override
    public CloudRecording clearCreatePending(CloudRecording resource) {
        return named(resource).edit(stored -> {
            Map<String, String> annotations = new HashMap<>(annotations(stored));
            annotations.remove(CloudRecording.ANNOTATION_CREATE_PENDING);
            stored.getMetadata().setAnnotations(annotations);
            return stored;
        });
    }

    private Resource<CloudRecording> named(CloudRecording resource) {
        return client.resources(CloudRecording.class)
                .inNamespace(resource.getMetadata().getNamespace())
                .withName(resource.getMetadata().getName());
    }

    private static Map<String, String> annotations(CloudRecording resource) {
        return resource.getMetadata().getAnnotations() == null ? Map.of() : resource.getMetadata().getAnnotations();
    }
}
