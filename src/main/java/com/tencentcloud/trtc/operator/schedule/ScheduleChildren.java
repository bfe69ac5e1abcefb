package com.tencentcloud.trtc.operator.schedule;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSchedule;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.TemplateMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The children of a schedule: how one is named and built for a slot, whether the schedule owns it, and what state
 * it is in. Pure functions over the resources.
 */
public final class ScheduleChildren {

    /** Where a child is in its life, as the schedule counts it. */
    public enum State {
        /** Not finished: counted by concurrencyPolicy and listed in status.active. */
        ACTIVE,
        /** Phase Stopped or Expired: counted by successfulHistoryLimit. */
        SUCCEEDED,
        /** Phase Failed: counted by failedHistoryLimit. */
        FAILED,
        /** Being deleted: neither live nor history. */
        DELETING
    }

    /** One owned child: its name, its slot and its state. */
    public record Child(String name, Instant scheduledAt, State state) {
    }

    private ScheduleChildren() {
    }

    /** {@code <schedule>-<slot as whole minutes since 1970-01-01T00:00Z>}, as a CronJob names its Jobs. */
    public static String name(CloudRecordingSchedule schedule, Instant slot) {
        return schedule.getMetadata().getName() + "-" + Math.floorDiv(slot.getEpochSecond(), 60);
    }

    /**
     * The child for {@code slot}: the template's spec and metadata (annotations with the operator's prefix are dropped,
     * so a template cannot make every child adopt one task), the schedule label, the slot annotation, and a controller
     * owner reference to the schedule.
     */
    public static CloudRecording build(CloudRecordingSchedule schedule, Instant slot) {
        return build(schedule, slot, Optional.empty());
    }

    /**
     * As {@link #build(CloudRecordingSchedule, Instant)}, with the {@code window-ends} annotation at {@code nextSlot}:
     * the child's task is not restarted after a failure past the schedule's next slot (design §10).
     */
    public static CloudRecording build(CloudRecordingSchedule schedule, Instant slot, Optional<Instant> nextSlot) {
        var template = schedule.getSpec().getTemplate();
        TemplateMetadata metadata = template.getMetadata() == null ? new TemplateMetadata() : template.getMetadata();
        Map<String, String> labels = new LinkedHashMap<>(metadata.getLabels() == null ? Map.of() : metadata.getLabels());
        labels.put(CloudRecordingSchedule.LABEL_SCHEDULE, schedule.getMetadata().getName());
        Map<String, String> annotations = new LinkedHashMap<>();
        if (metadata.getAnnotations() != null) {
            metadata.getAnnotations().forEach((k, v) -> {
                if (!k.startsWith(CloudRecording.ANNOTATION_PREFIX)) {
                    annotations.put(k, v);
                }
            });
        }
        annotations.put(CloudRecordingSchedule.ANNOTATION_SCHEDULED_AT, slot.toString());
        nextSlot.ifPresent(end -> annotations.put(CloudRecordingSchedule.ANNOTATION_WINDOW_ENDS, end.toString()));
        CloudRecording child = new CloudRecording();
        child.setMetadata(new ObjectMetaBuilder()
                .withName(name(schedule, slot))
                .withNamespace(schedule.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(annotations)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(schedule.getApiVersion())
                        .withKind(schedule.getKind())
                        .withName(schedule.getMetadata().getName())
                        .withUid(schedule.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .build());
        child.setSpec(Serialization.jsonMapper().convertValue(template.getSpec(), CloudRecordingSpec.class));
        return child;
    }

    /** Whether {@code schedule} is the controller owner of {@code recording}: the only children it may delete. */
    public static boolean ownedBy(CloudRecording recording, CloudRecordingSchedule schedule) {
        var owners = recording.getMetadata().getOwnerReferences();
        return owners != null && owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.getController())
                && schedule.getMetadata().getUid().equals(o.getUid()));
    }

    /** The child as the schedule counts it. */
    public static Child summary(CloudRecording recording) {
        return new Child(recording.getMetadata().getName(), scheduledAt(recording), state(recording));
    }

    static State state(CloudRecording recording) {
        if (recording.isMarkedForDeletion()) {
            return State.DELETING;
        }
        Phase phase = recording.getStatus() == null ? null : recording.getStatus().getPhase();
        if (phase == Phase.Stopped || phase == Phase.Expired) {
            return State.SUCCEEDED;
        }
        return phase == Phase.Failed ? State.FAILED : State.ACTIVE;
    }

    static Instant scheduledAt(CloudRecording recording) {
        Map<String, String> annotations = recording.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(CloudRecordingSchedule.ANNOTATION_SCHEDULED_AT))
                .flatMap(ScheduleChildren::instant)
                .or(() -> Optional.ofNullable(recording.getMetadata().getCreationTimestamp()).flatMap(ScheduleChildren::instant))
                .orElse(Instant.EPOCH);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
