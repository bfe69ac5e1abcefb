package com.tencentcloud.trtc.operator.reconciler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ResourceWriter} over the Kubernetes API. Status and annotation writes are JSON patches of just those
 * fields (one round trip each, no read first), so they never overwrite a user's concurrent change to other
 * fields; the status is replaced whole. {@link #markCreatePending} (the create guard) and
 * {@link #writeStatusIfUnchanged} are locked updates on the resource version read. The finalizer is added and
 * removed with JOSDK's conflict-retrying patch, which reads the resource again after a 409.
 */
public final class KubernetesResourceWriter implements ResourceWriter {

    private static final PatchContext JSON_PATCH = PatchContext.of(PatchType.JSON);

    private final KubernetesClient client;

    public KubernetesResourceWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
        ArrayNode ops = Serialization.jsonMapper().createArrayNode();
        ops.addObject().put("op", "add").put("path", "/status").set("value", Serialization.jsonMapper().valueToTree(status));
        return named(resource).subresource("status").patch(JSON_PATCH, ops.toString());
    }

    @Override
    public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) throws StaleResourceException {
        CloudRecording copy = new CloudRecording();
        copy.setMetadata(new ObjectMetaBuilder(resource.getMetadata()).build());
        copy.setSpec(resource.getSpec());
        copy.setStatus(status);
        return locked(resource, () -> client.resource(copy).updateStatus());
    }

    @Override
    public Optional<CloudRecording> readCurrent(CloudRecording resource) {
        return Optional.ofNullable(named(resource).get());
    }

    @Override
    public CloudRecording markCreatePending(CloudRecording resource, Instant now) throws StaleResourceException {
        CloudRecording copy = new CloudRecording();
        copy.setMetadata(new ObjectMetaBuilder(resource.getMetadata()).build());
        copy.setSpec(resource.getSpec());
        Map<String, String> annotations = new HashMap<>(annotations(copy));
        annotations.put(CloudRecording.ANNOTATION_CREATE_PENDING, now.toString());
        copy.getMetadata().setAnnotations(annotations);
        copy.addFinalizer(CloudRecording.FINALIZER);
        return locked(resource, () -> client.resource(copy).update());
    }

    /** Runs a locked update of {@code resource}, turning the API server's 409 into {@link StaleResourceException}. */
    private static CloudRecording locked(CloudRecording resource, Supplier<CloudRecording> update) throws StaleResourceException {
        try {
            return update.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new StaleResourceException("resource version " + resource.getMetadata().getResourceVersion() + " is no longer current", e);
            }
            throw e;
        }
    }

    @Override
    public CloudRecording recordTaskId(CloudRecording resource, String taskId) {
        return patchAnnotations(resource, Map.of(CloudRecording.ANNOTATION_TASK_ID, taskId));
    }

    @Override
    public CloudRecording clearCreatePending(CloudRecording resource) {
        return patchAnnotations(resource, Map.of());
    }

    /**
     * Sets {@code values} and removes {@code create-pending} in one JSON patch of the annotations this reconcile
     * last saw; if someone changed them since in a way the patch cannot apply to, the API server refuses it and
     * the reconcile is retried from a fresh read.
     */
    private CloudRecording patchAnnotations(CloudRecording resource, Map<String, String> values) {
        Map<String, String> seen = annotations(resource);
        ArrayNode ops = Serialization.jsonMapper().createArrayNode();
        if (resource.getMetadata().getAnnotations() == null) {
            ops.addObject().put("op", "add").put("path", "/metadata/annotations").putObject("value");
        }
        if (seen.containsKey(CloudRecording.ANNOTATION_CREATE_PENDING)) {
            ops.addObject().put("op", "remove").put("path", annotationPath(CloudRecording.ANNOTATION_CREATE_PENDING));
        }
        values.forEach((key, value) -> ops.addObject().put("op", "add").put("path", annotationPath(key)).put("value", value));
        if (ops.isEmpty()) {
            return resource;
        }
        return named(resource).patch(JSON_PATCH, ops.toString());
    }

    @Override
    public CloudRecording holdFinalizer(CloudRecording resource) {
        return PrimaryUpdateAndCacheUtils.addFinalizer(client, resource, CloudRecording.FINALIZER);
    }

    @Override
    public void releaseFinalizer(CloudRecording resource) {
        try {
            PrimaryUpdateAndCacheUtils.removeFinalizer(client, resource, CloudRecording.FINALIZER);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }

    private static String annotationPath(String key) {
        return "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
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
