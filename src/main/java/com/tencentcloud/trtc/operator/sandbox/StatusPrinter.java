package com.tencentcloud.trtc.operator.sandbox;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Prints one line per CloudRecording each time its phase, Ready, TaskId or Stalled changes:
 * <pre>
 * 12:00:02  default/mixed-to-vod  added (no status yet)
 * 12:00:03  default/mixed-to-vod  phase=Idle ready=True task=AbC… expires=2026-11-27T12:00:03Z
 * 12:00:09  default/single-to-cos  phase=Pending ready=False stalled=SecretNotFound (Secret default/x not found)
 * </pre>
 * and calls {@code onTask} once for each new TaskId of a resource. Thread-safe.
 */
final class StatusPrinter implements ResourceEventHandler<CloudRecording> {

    /** What a status line shows; a line is printed when it changes. {@code stalled} is the reason and message. */
    record View(String phase, String ready, String taskId, String expiresAt, String stalled, String ended,
                String files) {

        static View of(CloudRecordingStatus status) {
            if (status == null) {
                return new View(null, null, null, null, null, null, null);
            }
            List<Condition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
            Optional<Condition> ready = condition(conditions, "Ready");
            Optional<Condition> stalled = condition(conditions, "Stalled").filter(c -> "True".equals(c.getStatus()));
            return new View(status.getPhase() == null ? "-" : status.getPhase().toString(),
                    ready.map(Condition::getStatus).orElse("-"), status.getTaskId(), status.getExpiresAt(),
                    stalled.map(c -> c.getReason() + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")")).orElse(null),
                    status.getPhase() == CloudRecordingStatus.Phase.Stopped ? ready.map(Condition::getReason).orElse(null) : null,
                    files(status));
        }

        /** The VOD files (fileId and videoUrl) the status shows, or null when it shows none. */
        private static String files(CloudRecordingStatus status) {
            if (status.getStorageFiles() == null) {
                return null;
            }
            List<String> vod = status.getStorageFiles().stream().filter(f -> f.getFileId() != null)
                    .map(f -> "fileId=" + f.getFileId() + (f.getVideoUrl() == null ? "" : " videoUrl=" + f.getVideoUrl())).toList();
            return vod.isEmpty() ? null : String.join(", ", vod);
        }

        private static Optional<Condition> condition(List<Condition> conditions, String type) {
            return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
        }

        String line() {
            if (phase == null) {
                return "added (no status yet)";
            }
            StringBuilder b = new StringBuilder("phase=").append(phase).append(" ready=").append(ready);
            if (taskId != null) {
                b.append(" task=").append(taskId);
            }
            if (expiresAt != null) {
                b.append(" expires=").append(expiresAt);
            }
            if (stalled != null) {
                b.append(" stalled=").append(stalled);
            }
            if (ended != null) {
                b.append(" ended=").append(ended);
            }
            if (files != null) {
                b.append(" ").append(files);
            }
            return b.toString();
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final Clock clock;
    private final BiConsumer<CloudRecording, String> onTask;
    private final Map<String, View> views = new ConcurrentHashMap<>();

    StatusPrinter(PrintStream out, Clock clock, BiConsumer<CloudRecording, String> onTask) {
        this.out = out;
        this.clock = clock;
        this.onTask = onTask;
    }

    /** The last view of each resource ({@code namespace/name}). */
    Map<String, View> views() {
        return Map.copyOf(views);
    }

    /** Prints {@code text} as a line about {@code resource}, with the time. */
    void note(String resource, String text) {
        print(resource + "  " + text);
    }

    @Override
    public void onAdd(CloudRecording recording) {
        changed(recording);
    }

    @Override
    public void onUpdate(CloudRecording oldRecording, CloudRecording recording) {
        changed(recording);
    }

    @Override
    public void onDelete(CloudRecording recording, boolean deletedFinalStateUnknown) {
        String key = key(recording);
        views.remove(key);
        note(key, "deleted");
    }

    private void changed(CloudRecording recording) {
        String key = key(recording);
        View view = View.of(recording.getStatus());
        View before = views.put(key, view);
        if (!view.equals(before)) {
            note(key, view.line());
        }
        if (view.taskId() != null && (before == null || !Objects.equals(before.taskId(), view.taskId()))) {
            onTask.accept(recording, view.taskId());
        }
    }

    private synchronized void print(String text) {
        out.println(LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(TIME) + "  " + text);
        out.flush();
    }

    static String key(CloudRecording recording) {
        return recording.getMetadata().getNamespace() + "/" + recording.getMetadata().getName();
    }
}
