package com.tencentcloud.trtc.operator.mapping;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.DeletionPolicy;
import com.tencentcloud.trtc.operator.api.v1alpha1.RoomIdType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The defaults of the spec, resolved in code rather than in the CRD (a schema default would make GitOps tools
 * report drift). The request mappers send these values explicitly, so the effective values never depend on
 * a Tencent default.
 */
public final class EffectiveSpec {

    /** ResourceExpiredHour when the spec leaves it out: the API's own default, 72 hours. */
    public static final int DEFAULT_RESOURCE_EXPIRED_HOUR = 72;

    /** RoomIdType when the spec leaves it out: the API's own default, Integer (code 1). */
    public static final RoomIdType DEFAULT_ROOM_ID_TYPE = RoomIdType.Integer;

    /** What deleting the resource does when the spec leaves it out. */
    public static final DeletionPolicy DEFAULT_DELETION_POLICY = DeletionPolicy.Delete;

    private EffectiveSpec() {
    }

    /** Hours during which the task can be queried, modified or stopped: the spec's value or 72. */
    public static int effectiveResourceExpiredHour(CloudRecordingSpec spec) {
        Integer hours = spec.getResourceExpiredHour();
        return hours != null ? hours : DEFAULT_RESOURCE_EXPIRED_HOUR;
    }

    /** How the room is named: the spec's value or Integer. */
    public static RoomIdType effectiveRoomIdType(CloudRecordingSpec spec) {
        RoomIdType type = spec.getRoomIdType();
        return type != null ? type : DEFAULT_ROOM_ID_TYPE;
    }

    /** What deleting the resource does: the spec's value or Delete. */
    public static DeletionPolicy effectiveDeletionPolicy(CloudRecordingSpec spec) {
        DeletionPolicy policy = spec.getDeletionPolicy();
        return policy != null ? policy : DEFAULT_DELETION_POLICY;
    }

    /**
     * How long the task may run, from {@code spec.maxDuration} ({@code 90m}, {@code 1h30m}: the schema's pattern of
     * hours, minutes and seconds, read by java.time as the ISO form {@code PT1H30M}); empty when absent or unreadable.
     */
    public static Optional<Duration> maxDuration(CloudRecordingSpec spec) {
        String text = spec.getMaxDuration();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse("PT" + text.trim().toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
