package com.tencentcloud.trtc.operator.retention;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a recording has finished, when, and when {@code spec.ttlSecondsAfterFinished} deletes it.
 *
 * <p>A recording has finished when its phase is {@code Stopped}, {@code Expired} or {@code Failed} (design §2, as a
 * Job that completed or failed), except while its {@code Ready} condition says {@code Restarting} (a task that ended
 * by fault and waits to be created again is not finished), and except a {@code Failed} one whose spec changed since
 * the operator last looked at it (a fixed spec is retried, so it is not finished yet). It finished when the
 * condition that records its end last changed: {@code Stalled} for a failure, {@code Ready} otherwise.
 * {@link #finishedAt} is the one place that decides this.
 */
public final class FinishedRecordings {

    /** The phases of a recording that has finished. */
    public static final Set<Phase> FINISHED = EnumSet.of(Phase.Stopped, Phase.Expired, Phase.Failed);
    /** The {@code Ready} reason of a recording waiting to be restarted, which has not finished. */
    public static final String REASON_RESTARTING = "Restarting";

    private FinishedRecordings() {
    }

    /** When {@code r} finished; empty while it has not (or its status does not say when). */
    public static Optional<Instant> finishedAt(CloudRecording r) {
        CloudRecordingStatus s = r.getStatus();
        if (s == null || s.getPhase() == null || !FINISHED.contains(s.getPhase())) {
            return Optional.empty();
        }
        Optional<Condition> ready = Conditions.find(s.getConditions(), Conditions.READY);
        if (ready.map(c -> REASON_RESTARTING.equals(c.getReason())).orElse(false)) {
            return Optional.empty();
        }
        if (s.getPhase() == Phase.Failed) {
            if (!Objects.equals(s.getObservedGeneration(), r.getMetadata().getGeneration())) {
                return Optional.empty();
            }
            Optional<Condition> stalled = Conditions.find(s.getConditions(), Conditions.STALLED)
                    .filter(c -> Conditions.TRUE.equals(c.getStatus()));
            if (stalled.isPresent()) {
                return instant(stalled.get().getLastTransitionTime());
            }
        }
        return ready.flatMap(c -> instant(c.getLastTransitionTime()));
    }

    /** When {@code r} is due for deletion: {@link #finishedAt} plus {@code spec.ttlSecondsAfterFinished}; empty without either. */
    public static Optional<Instant> deleteAt(CloudRecording r) {
        Integer ttl = r.getSpec() == null ? null : r.getSpec().getTtlSecondsAfterFinished();
        if (ttl == null) {
            return Optional.empty();
        }
        return finishedAt(r).map(at -> at.plus(Duration.ofSeconds(ttl)));
    }

    /** The files {@code status.storageFiles} lists, each by its file name, or its VOD file id or URL when it has none. */
    public static List<String> files(CloudRecording r) {
        List<StorageFileStatus> files = r.getStatus() == null || r.getStatus().getStorageFiles() == null
                ? List.of() : r.getStatus().getStorageFiles();
        return files.stream()
                .map(f -> f.getFileName() != null ? f.getFileName() : f.getFileId() != null ? f.getFileId() : f.getVideoUrl())
                .filter(Objects::nonNull)
                .toList();
    }

    /** {@code text} as an instant; empty when absent or not one. */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
