package com.tencentcloud.trtc.operator.schedule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingScheduleStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.util.Optional;

/**
 * {@link ScheduleApi} over the Kubernetes API. The status is replaced by a JSON patch of {@code /status} (one round
 * trip, no read first); children are created plainly, so that the API server's name uniqueness is the slot guard.
 * Callers delete only children the schedule owns.
 */
public final class KubernetesScheduleApi implements ScheduleApi {

    private static final int UNPROCESSABLE = 422;

    private final KubernetesClient client;

    public KubernetesScheduleApi(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public CloudRecordingSchedule writeStatus(CloudRecordingSchedule schedule, CloudRecordingScheduleStatus status) {
        ArrayNode ops = Serialization.jsonMapper().createArrayNode();
        ops.addObject().put("op", "add").put("path", "/status").set("value", Serialization.jsonMapper().valueToTree(status));
        return client.resources(CloudRecordingSchedule.class).inNamespace(schedule.getMetadata().getNamespace())
                .withName(schedule.getMetadata().getName()).subresource("status")
                .patch(PatchContext.of(PatchType.JSON), ops.toString());
    }

    @Override
    public Created createChild(CloudRecording child) {
        try {
            return new Created.Done(client.resource(child).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return new Created.Exists(Optional.ofNullable(client.resources(CloudRecording.class)
                        .inNamespace(child.getMetadata().getNamespace()).withName(child.getMetadata().getName()).get()));
            }
            if (e.getCode() == UNPROCESSABLE) {
                return new Created.Refused(e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage() : e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public void deleteChild(CloudRecording child) {
        client.resources(CloudRecording.class).inNamespace(child.getMetadata().getNamespace())
                .withName(child.getMetadata().getName()).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }
}
