package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The versions of one recording as a watch saw them, each with when it was seen and what it showed (finalizer,
 * {@code create-pending}, {@code task-id}, phase): where a recording's time to its TaskId went. Thread-safe.
 */
final class VersionTrace {

    private record Seen(long nanos, String what) {
    }

    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

    void seen(CloudRecording r) {
        seen.add(new Seen(System.nanoTime(), describe(r)));
    }

    /** One line per version: milliseconds after {@code startNanos} ({@link System#nanoTime}), then what it showed. */
    String lines(long startNanos) {
        StringBuilder out = new StringBuilder();
        seen.forEach(s -> out.append("    +").append((s.nanos() - startNanos) / 1_000_000).append(" ms ").append(s.what()).append('\n'));
        return out.toString();
    }

    private static String describe(CloudRecording r) {
        var meta = r.getMetadata();
        var annotations = meta.getAnnotations() == null ? Map.<String, String>of() : meta.getAnnotations();
        return "rv " + meta.getResourceVersion() + " finalizers " + meta.getFinalizers() + " pending "
                + annotations.containsKey(CloudRecording.ANNOTATION_CREATE_PENDING) + " task-id "
                + annotations.containsKey(CloudRecording.ANNOTATION_TASK_ID) + " phase "
                + (r.getStatus() == null ? null : r.getStatus().getPhase());
    }
}
