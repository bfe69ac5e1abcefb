package com.tencentcloud.trtc.operator.emulator;

import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.MixLayoutParams;
import com.tencentcloud.trtc.operator.trtc.model.SubscribeStreamUserIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable record of one task, owned and guarded by {@link TaskStore}. */
final class EmulatedTask {

    final String taskId;
    final String secretId;
    final CreateCloudRecordingRequest request;
    final TaskStore.RoomKey room;
    final Instant createdAt;
    final Instant windowEnd;
    final Duration maxIdle;
    final long streamType;
    final boolean mixed;
    final boolean toVod;
    MixLayoutParams layout;
    SubscribeStreamUserIds subscription;
    int modifyCount;
    Instant exitedAt;
    ExitReason exitReason;
    Instant mixedBegin;
    final Map<String, Map<String, Instant>> recorded = new LinkedHashMap<>();
    final java.util.Set<String> announced = new java.util.LinkedHashSet<>();

    EmulatedTask(String taskId, String secretId, CreateCloudRecordingRequest request, TaskStore.RoomKey room,
                 Instant createdAt, Duration hourLength) {
        this.taskId = taskId;
        this.secretId = secretId;
        this.request = copy(request, CreateCloudRecordingRequest.class);
        this.room = room;
        this.createdAt = createdAt;
        long hours = request.resourceExpiredHour() == null ? 72 : request.resourceExpiredHour();
        this.windowEnd = createdAt.plus(hourLength.multipliedBy(hours));
        Long idle = request.recordParams().maxIdleTime();
        this.maxIdle = Duration.ofSeconds(idle == null ? 30 : idle);
        Long stream = request.recordParams().streamType();
        this.streamType = stream == null ? 0 : stream;
        this.mixed = request.recordParams().recordMode() == 2;
        this.toVod = request.storageParams().cloudStorage() == null;
        this.layout = copy(request.mixLayoutParams(), MixLayoutParams.class);
        this.subscription = copy(request.recordParams().subscribeStreamUserIds(), SubscribeStreamUserIds.class);
    }

    boolean live() {
        return exitedAt == null;
    }

    void exit(Instant at, ExitReason reason) {
        exitedAt = at;
        exitReason = reason;
    }

    /** Live: IN_PROGRESS when a present anchor is subscribed for a recorded media type, else IDLE. */
    TaskState state(Instant now, Duration drain, Collection<String> anchors) {
        if (!live()) {
            return now.isBefore(exitedAt.plus(drain)) ? TaskState.EXITED : TaskState.GONE;
        }
        return anchors.stream().anyMatch(a -> !tracks(a).isEmpty()) ? TaskState.IN_PROGRESS : TaskState.IDLE;
    }

    /** Starts the files of every present, subscribed anchor that is not yet being recorded. */
    void noteRecording(Instant now, Collection<String> anchors) {
        for (String anchor : anchors) {
            for (String track : tracks(anchor)) {
                if (mixedBegin == null) {
                    mixedBegin = now;
                }
                recorded.computeIfAbsent(anchor, k -> new LinkedHashMap<>()).putIfAbsent(track, now);
            }
        }
    }

    /** The media types ({@code audio}, {@code video}) of this anchor the task records. */
    List<String> tracks(String anchor) {
        SubscribeStreamUserIds s = subscription == null ? new SubscribeStreamUserIds(
                null, null, null, null) : subscription;
        boolean audio = streamType != 2 && allowed(s.subscribeAudioUserIds(), s.unSubscribeAudioUserIds(), anchor);
        boolean video = streamType != 1 && allowed(s.subscribeVideoUserIds(), s.unSubscribeVideoUserIds(), anchor);
        return audio && video ? List.of("audio", "video") : audio ? List.of("audio") : video ? List.of("video") : List.of();
    }

    static <T> T copy(T value, Class<T> type) {
        return value == null ? null : TrtcJson.mapper().convertValue(value, type);
    }

    private static boolean allowed(List<String> allow, List<String> block, String user) {
        if (allow != null && !allow.isEmpty()) {
            return matchesAny(allow, user);
        }
        return block == null || !matchesAny(block, user);
    }

    private static boolean matchesAny(List<String> entries, String user) {
        for (String e : entries) {
            if (e.equals(user) || (e.endsWith(".*$") && user.startsWith(e.substring(0, e.length() - 3)))) {
                return true;
            }
        }
        return false;
    }
}
