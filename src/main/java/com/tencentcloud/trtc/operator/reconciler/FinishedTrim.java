package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.retention.FinishedRecordings;
import java.util.List;
import java.util.Objects;

/**
 * Keeps finished recordings small in the cache: the file list of a {@code Stopped} or {@code Expired} recording
 * (up to 200 entries, most of its size; 50,000 finished recordings with ten files each did not fit the image's
 * heap) is replaced, in the cached copy only, by a one-entry marker. Nothing may be written from such a copy: a reconcile
 * that finds one either has nothing to do ({@link #quiet}: the recording stays as it is and makes no call) or reads
 * the whole resource from the API server first.
 */
final class FinishedTrim {

    /**
     * The one entry a trimmed copy lists instead of its files; a name no TRTC file can have, so that it survives the
     * copy JOSDK hands each reconcile and is still recognised there. Never written.
     */
    private static final String MARKER = "trtc-recording-operator:files-left-out-of-the-cache";

    private FinishedTrim() {
    }

    /** Drops the file list of a finished {@code Stopped} or {@code Expired} recording the informer just stored. */
    static void trim(CloudRecording r) {
        var s = r.getStatus();
        if (s != null && (s.getPhase() == Phase.Stopped || s.getPhase() == Phase.Expired) && s.getStorageFiles() != null
                && !s.getStorageFiles().isEmpty() && FinishedRecordings.finishedAt(r).isPresent()) {
            StorageFileStatus marker = new StorageFileStatus();
            marker.setFileName(MARKER);
            s.setStorageFiles(List.of(marker));
        }
    }

    /** Whether {@code r} is a cached copy without its files. */
    static boolean trimmed(CloudRecording r) {
        List<StorageFileStatus> files = r.getStatus() == null ? null : r.getStatus().getStorageFiles();
        return files != null && files.size() == 1 && MARKER.equals(files.get(0).getFileName());
    }

    /**
     * Whether a reconcile of trimmed {@code r} has nothing to do: not being deleted, not paused, its spec seen, it
     * holds the operator's finalizer, no callback waits for it, and its {@code ttlSecondsAfterFinished} (if any) has
     * not come. A finished task is never described again, so nothing else could happen to it.
     */
    static boolean quiet(CloudRecording r, boolean callbacksWaiting, java.time.Instant now) {
        return !r.isMarkedForDeletion() && !CloudRecordingUpdateFilter.isPaused(r) && !callbacksWaiting
                && r.hasFinalizer(CloudRecording.FINALIZER)
                && Objects.equals(r.getStatus().getObservedGeneration(), r.getMetadata().getGeneration())
                && FinishedRecordings.deleteAt(r).map(now::isBefore).orElse(true);
    }
}
