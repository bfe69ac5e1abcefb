package com.tencentcloud.trtc.operator.sandbox;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.MixLayout;
import com.tencentcloud.trtc.operator.api.v1alpha1.RoomIdType;
import com.tencentcloud.trtc.operator.api.v1alpha1.SubscribeStreamUserIds;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts one simulated anchor into each recorded room of the emulator, so that a task records (InProgress) rather
 * than idling until MaxIdleTime ends it. The anchor is one the recording subscribes to: the first name of
 * {@code subscribeStreamUserIds} (a prefix pattern {@code teacher_.*$} becomes {@code teacher_sandbox}), else the
 * first user of a custom mix layout, else {@code sandbox-anchor}.
 */
final class RoomAnchors {

    static final String DEFAULT_ANCHOR = "sandbox-anchor";

    private final TrtcEmulator emulator;

    RoomAnchors(TrtcEmulator emulator) {
        this.emulator = emulator;
    }

    /** The anchor joins the recording's room; returns its user id. */
    String join(CloudRecordingSpec spec) {
        String anchor = anchorFor(spec);
        RoomIdType type = Optional.ofNullable(spec.getRoomIdType()).orElse(RoomIdType.Integer);
        emulator.anchorJoins(spec.getSdkAppId(), spec.getRoomId(), type.code(), anchor);
        return anchor;
    }

    /** The anchor that {@link #join} put into the recording's room leaves it. */
    String leave(CloudRecordingSpec spec) {
        String anchor = anchorFor(spec);
        RoomIdType type = Optional.ofNullable(spec.getRoomIdType()).orElse(RoomIdType.Integer);
        emulator.anchorLeaves(spec.getSdkAppId(), spec.getRoomId(), type.code(), anchor);
        return anchor;
    }

    static String anchorFor(CloudRecordingSpec spec) {
        SubscribeStreamUserIds subscription = spec.getRecordParams() == null ? null
                : spec.getRecordParams().getSubscribeStreamUserIds();
        if (subscription != null) {
            Optional<String> subscribed = Stream.of(subscription.getSubscribeAudioUserIds(), subscription.getSubscribeVideoUserIds())
                    .filter(Objects::nonNull).flatMap(List::stream).filter(Objects::nonNull).findFirst();
            if (subscribed.isPresent()) {
                String entry = subscribed.get();
                return entry.endsWith(".*$") ? entry.substring(0, entry.length() - 3) + "sandbox" : entry;
            }
        }
        if (spec.getMixLayoutParams() != null && spec.getMixLayoutParams().getMixLayoutList() != null) {
            Optional<String> laidOut = spec.getMixLayoutParams().getMixLayoutList().stream()
                    .map(MixLayout::getUserId).filter(Objects::nonNull).findFirst();
            if (laidOut.isPresent()) {
                return laidOut.get();
            }
        }
        return DEFAULT_ANCHOR;
    }
}
