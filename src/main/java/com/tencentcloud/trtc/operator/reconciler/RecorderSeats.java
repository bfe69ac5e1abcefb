package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.mapping.EffectiveSpec;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds two resources that would put the same robot user id into the same room. TRTC ends the earlier task
 * when the same robot enters again, so two such resources would evict each other forever; the one created
 * later waits, stalled, until the earlier one is gone or has ended.
 */
final class RecorderSeats {

    static final String INDEX = "recorder-seat";

    private RecorderSeats() {
    }

    /** The seat a resource's robot takes: app, room id type, room and robot user id. */
    static String seat(CloudRecording r) {
        var spec = r.getSpec();
        return spec.getSdkAppId() + "/" + EffectiveSpec.effectiveRoomIdType(spec) + "/" + spec.getRoomId() + "/"
                + RecordingCreator.recorderUserId(r);
    }

    /** The earlier resource holding the same seat, if any. */
    static Optional<CloudRecording> earlierHolder(CloudRecording r, IndexedResourceCache<CloudRecording> cache) {
        List<CloudRecording> holders = cache.byIndex(INDEX, seat(r));
        return holders.stream()
                .filter(other -> !other.getMetadata().getUid().equals(r.getMetadata().getUid()))
                .filter(other -> !other.isMarkedForDeletion() && !ended(other))
                .filter(other -> ORDER.compare(other, r) < 0)
                .min(ORDER);
    }

    private static boolean ended(CloudRecording r) {
        Phase phase = r.getStatus() == null ? null : r.getStatus().getPhase();
        return phase == Phase.Stopped || phase == Phase.Failed;
    }

    private static final Comparator<CloudRecording> ORDER = Comparator
            .comparing((CloudRecording r) -> r.getMetadata().getCreationTimestamp() == null ? "" : r.getMetadata().getCreationTimestamp())
            .thenComparing(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName());
}
