package com.tencentcloud.trtc.operator.mapping;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus.Phase;
import java.util.Optional;

/**
 * What a recording callback (trtc-api §6.9, design §8) means for a CloudRecording: the phase it moves to, the
 * reason a task ended, and the Kubernetes Event it deserves. Pure functions.
 *
 * <p><b>Monotonic.</b> A callback only moves the phase forward, in the order {@code Idle < Recording <
 * Stopping/Expired < Stopped}: a late 301 or 307 after a 302 leaves the resource {@code Stopped}. The files an
 * event names are merged by {@link StorageFiles}, so a repeated event changes nothing.
 */
public final class CallbackEffects {

    /** A Kubernetes Event to record for a callback: {@code warning} or Normal, its reason and message. */
    public record Notice(boolean warning, String reason, String message) {
    }

    private CallbackEffects() {
    }

    /** The phase after {@code event}, when it moves the phase forward from {@code current}. */
    public static Optional<Phase> phase(Phase current, RecordingCallback event) {
        Phase next = switch (event.eventType()) {
            case RecordingCallback.FIRST_INDEX_FILE, RecordingCallback.INDEX_SLICE -> Phase.Recording;
            case RecordingCallback.RECORDER_STOPPED -> Phase.Stopped;
            default -> null;
        };
        return next != null && rank(next) > rank(current) ? Optional.of(next) : Optional.empty();
    }

    /** The Ready reason of a task that ended with this 302 {@code LeaveCode}. */
    public static String leaveReason(Integer leaveCode) {
        if (leaveCode == null) {
            return "RecorderLeft";
        }
        return switch (leaveCode) {
            case 0 -> "StoppedByApi";
            case 1 -> "RobotKicked";
            case 2 -> "RoomDismissed";
            case 3 -> "RobotKickedByServer";
            case 4 -> "RoomDismissedByServer";
            case 99 -> "IdleTimeout";
            case 100 -> "RoomTimeout";
            case 101 -> "ReplacedBySameUser";
            default -> "RecorderLeft";
        };
    }

    /** Why a task ended, in words, for the Ready message and the Event. */
    public static String leaveDescription(Integer leaveCode) {
        String why = switch (leaveCode == null ? -1 : leaveCode) {
            case 0 -> "stopped through DeleteCloudRecording";
            case 1 -> "the recording robot was removed from the room by the application";
            case 2 -> "the room was dismissed by the application";
            case 3 -> "the recording robot was removed from the room by the TRTC server";
            case 4 -> "the room was dismissed by the TRTC server";
            case 99 -> "nobody but the robot was in the room for longer than maxIdleTime";
            case 100 -> "the room timed out";
            case 101 -> "another task with the same recorder user id entered the room";
            default -> "the recording robot left the room";
        };
        return why + (leaveCode == null ? "" : " (LeaveCode " + leaveCode + ")");
    }

    /**
     * The Event {@code event} deserves on a resource in phase {@code current}, if any. Once a task is
     * {@code Stopped}, only what happens after the recording (uploads, VOD commits, their errors) is still news:
     * a late start or slice event records nothing.
     */
    public static Optional<Notice> notice(Phase current, RecordingCallback event) {
        if (current == Phase.Stopped && switch (event.eventType()) {
            case RecordingCallback.RECORDER_STARTED, RecordingCallback.RECORDER_STOPPED, RecordingCallback.UPLOADER_STARTED,
                 RecordingCallback.FIRST_INDEX_FILE, RecordingCallback.FAILOVER, RecordingCallback.INDEX_SLICE -> true;
            default -> false;
        }) {
            return Optional.empty();
        }
        return notice(event);
    }

    /** The Event {@code event} deserves, if any; messages hold only what TRTC sent, never a key. */
    public static Optional<Notice> notice(RecordingCallback event) {
        Integer status = event.status();
        boolean ok = status == null || status == 0;
        String task = "Task " + event.taskId();
        return Optional.ofNullable(switch (event.eventType()) {
            case RecordingCallback.RECORDER_STARTED -> ok ? new Notice(false, "RecorderStarted", task + ": the recording robot entered the room")
                    : new Notice(true, "RecorderStartFailed", task + ": the recording robot failed to start (Status " + status + ")");
            case RecordingCallback.RECORDER_STOPPED -> new Notice(false, leaveReason(event.leaveCode()),
                    task + " has ended: " + leaveDescription(event.leaveCode()));
            case RecordingCallback.UPLOADER_STARTED -> ok ? null
                    : new Notice(true, "UploaderStartFailed", task + ": the uploader failed to start (Status " + status + ")");
            case RecordingCallback.UPLOAD_FINISHED -> uploadFinished(task, event.leaveCode() != null ? event.leaveCode() : status);
            case RecordingCallback.FAILOVER -> new Notice(false, "Failover", task + ": the recording moved to another server");
            case RecordingCallback.UPLOAD_ERROR -> new Notice(true, "UploadError", task + ": upload error: " + event.detail());
            case RecordingCallback.IMAGE_DOWNLOAD_ERROR -> new Notice(true, "ImageDownloadError",
                    task + ": an image could not be downloaded: " + event.detail());
            case RecordingCallback.MP4_DONE -> ok ? null
                    : new Notice(true, "Mp4UploadIncomplete", task + ": not every MP4 file was uploaded (Status " + status + ")");
            case RecordingCallback.VOD_COMMIT -> ok ? new Notice(false, "VodFileCommitted", task + ": VOD file "
                    + event.files().stream().map(f -> f.getFileId()).filter(id -> id != null).findFirst().orElse("(no FileId)") + " committed")
                    : new Notice(true, "VodCommitFailed", task + ": a file could not be committed to VOD (Status " + status + ")"
                    + (event.detail() == null ? "" : ": " + event.detail()));
            case RecordingCallback.VOD_FINISHED -> ok ? new Notice(false, "VodUploadFinished", task + ": every file is in VOD")
                    : new Notice(true, "VodUploadFailed", task + ": the VOD upload ended with errors (Status " + status + ")");
            default -> null;
        });
    }

    private static Notice uploadFinished(String task, Integer code) {
        if (code == null || code == 0) {
            return new Notice(false, "UploadFinished", task + ": every file is uploaded");
        }
        if (code == 1) {
            return new Notice(true, "UploadIncomplete", task + ": some files are kept on the server or backup storage and uploaded later");
        }
        return new Notice(false, "UploadCompleted", task + ": the files left over earlier are uploaded");
    }

    private static int rank(Phase phase) {
        if (phase == null) {
            return 0;
        }
        return switch (phase) {
            case Pending, Queued, Creating, Failed -> 0;
            case Idle -> 1;
            case Recording -> 2;
            case Stopping, Expired -> 3;
            case Stopped, Restarting -> 4;
        };
    }
}
