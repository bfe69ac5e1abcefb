package com.tencentcloud.trtc.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One Tencent Cloud TRTC on-cloud recording task, declared as a Kubernetes resource.
 *
 * <p>The operator starts the task with {@code CreateCloudRecording} once, follows it, and stops it when the
 * resource is deleted (see {@link CloudRecordingSpec#getDeletionPolicy()}). A task that has ended is never
 * started again: a new recording is a new resource.
 */
@Group(CloudRecording.GROUP)
@Version(CloudRecording.VERSION)
@Kind("CloudRecording")
@Plural("cloudrecordings")
@Singular("cloudrecording")
@ShortNames("crec")
@AdditionalPrinterColumn(name = "Room", jsonPath = ".spec.roomId", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(name = "Task", jsonPath = ".status.taskId", type = Type.STRING)
@AdditionalPrinterColumn(name = "Expires", jsonPath = ".status.expiresAt", type = Type.STRING)
@AdditionalPrinterColumn(name = "Restarts", jsonPath = ".status.restarts", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class CloudRecording extends CustomResource<CloudRecordingSpec, CloudRecordingStatus> implements Namespaced {

    public static final String GROUP = "trtc.tencentcloud.com";
    public static final String VERSION = "v1alpha1";
    public static final String FINALIZER = GROUP + "/finalizer";
    public static final String ANNOTATION_PREFIX = GROUP + "/";
    /** Set, with an optimistic lock, just before {@code CreateCloudRecording} is called; cleared after the answer. */
    public static final String ANNOTATION_CREATE_PENDING = ANNOTATION_PREFIX + "create-pending";
    /** The TaskId, kept beside status so that it survives the loss of status. */
    public static final String ANNOTATION_TASK_ID = ANNOTATION_PREFIX + "task-id";
    /** {@code "true"} holds every TRTC call for this resource. */
    public static final String ANNOTATION_PAUSED = ANNOTATION_PREFIX + "paused";
    /**
     * {@code "true"} on a finished recording the operator no longer keeps in its working cache (README, "Finished
     * recordings"); removing the label brings it back.
     */
    public static final String LABEL_FINISHED = GROUP + "/finished";
}
