package com.tencentcloud.trtc.operator.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.Operator;
import java.util.function.Consumer;

/**
 * A controller whose CRD a cluster may not have installed (design §13): every kind besides {@code CloudRecording}.
 * The operator starts without it, says once how to install the CRD, and starts it when the CRD is served.
 *
 * @param resource    the custom resource it reconciles; the CRD's name, group and version come from its annotations
 * @param installHint the command that installs the CRD, as the start-up warning prints it
 * @param register    registers the controller, with its configuration, in an operator that has not started yet
 */
public record OptionalController(Class<? extends HasMetadata> resource, String installHint,
                                 Consumer<Operator> register) {

    /** The CRD's name, such as {@code cloudrecordingschedules.trtc.tencentcloud.com}. */
    public String crd() {
        return HasMetadata.getFullResourceName(resource);
    }

    /** The resource's kind, such as {@code CloudRecordingSchedule}. */
    public String kind() {
        return HasMetadata.getKind(resource);
    }

    /** The usual hint: apply the CRD file this release ships in {@code crds/}, or upgrade the chart. */
    public static String installHintFor(Class<? extends HasMetadata> resource) {
        String crd = HasMetadata.getFullResourceName(resource);
        return "kubectl apply --server-side -f crds/" + crd + "-v1.yml (from this release), or helm upgrade with"
                + " crds.install=true";
    }
}
