package com.tencentcloud.trtc.operator.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import com.tencentcloud.trtc.operator.trtc.model.StorageFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The recording callbacks a task sends as it changes, in TRTC's order (trtc-api §6.9), handed to the
 * {@link CallbackSender}. Called by {@link TaskStore} under its lock.
 * <ul>
 *   <li>Create: 301 ({@code Status} 0); a start that fails: 301 ({@code Status} 1) and nothing more.</li>
 *   <li>Recording starts (COS/AWS): 303 once, 304 with the first index files, then 307 for each further one.</li>
 *   <li>Exit (Delete, MaxIdleTime, same robot re-entering, or an end asked for with a LeaveCode): 302 with the {@link ExitReason}'s {@code LeaveCode};
 *       then for COS/AWS 310 (when the output has MP4) and 305; for VOD one 311 per recorded file (a FileId and a
 *       VideoUrl under the reserved {@code .invalid} domain) and 312.</li>
 * </ul>
 */
final class TaskCallbacks {

    private final CallbackSender sender;

    TaskCallbacks(CallbackSender sender) {
        this.sender = sender;
    }

    void created(EmulatedTask t, Instant now) {
        send(t, 301, now, status(0));
    }

    /** The recorder did not start: 301 with {@code Status} 1, and nothing after it. */
    void startFailed(EmulatedTask t, Instant now) {
        send(t, 301, now, status(1));
    }

    /** New index files since the last call (COS/AWS only; VOD reports its files on exit). */
    void progressed(EmulatedTask t, Instant now) {
        if (!sender.enabled() || t.toVod) {
            return;
        }
        List<StorageFile> files = StorageFileNames.files(t).stream().filter(f -> !t.announced.contains(f.fileName())).toList();
        if (files.isEmpty()) {
            return;
        }
        if (t.announced.isEmpty()) {
            send(t, 303, now, status(0));
            ObjectNode first = payload();
            ArrayNode list = first.putArray("FileList");
            files.forEach(f -> list.add(f.fileName()));
            send(t, 304, now, first);
        } else {
            for (StorageFile f : files) {
                send(t, 307, now, payload().put("FileName", f.fileName()).put("UserId", f.userId())
                        .put("TrackType", f.trackType()).put("BeginTimeStamp", f.beginTimeStamp()));
            }
        }
        files.forEach(f -> t.announced.add(f.fileName()));
    }

    void exited(EmulatedTask t) {
        Instant at = t.exitedAt;
        send(t, 302, at, payload().put("LeaveCode", t.exitReason.leaveCode().orElseThrow()));
        if (!t.toVod) {
            Long format = t.request.recordParams().outputFormat();
            if (format != null && (format == 1 || format == 3)) {
                ObjectNode mp4 = status(0);
                ArrayNode list = mp4.putArray("FileList");
                ArrayNode messages = mp4.putArray("FileMessage");
                for (StorageFile f : StorageFileNames.files(t)) {
                    String name = f.fileName().replaceAll("(_audio|_video|_audio_video)?\\.m3u8$", "_1.mp4");
                    list.add(name);
                    messages.addObject().put("FileName", name).put("UserId", f.userId()).put("TrackType", f.trackType())
                            .put("MediaId", t.mixed ? "mix" : "main").put("StartTimeStamp", f.beginTimeStamp())
                            .put("EndTimeStamp", at.toEpochMilli());
                }
                send(t, 310, at, mp4);
            }
            send(t, 305, at, status(0));
            return;
        }
        if (t.mixed && t.mixedBegin != null) {
            String track = t.streamType == 1 ? "audio" : t.streamType == 2 ? "video" : "audio_video";
            vod(t, "", track, "mix", t.mixedBegin, at);
        } else if (!t.mixed) {
            for (Map.Entry<String, Map<String, Instant>> user : t.recorded.entrySet()) {
                Instant begin = user.getValue().values().stream().min(Instant::compareTo).orElseThrow();
                String track = user.getValue().size() > 1 ? "audio_video" : user.getValue().keySet().iterator().next();
                vod(t, user.getKey(), track, "main", begin, at);
            }
        }
        send(t, 312, at, status(0));
    }

    private void vod(EmulatedTask t, String userId, String track, String mediaId, Instant begin, Instant end) {
        String fileId = fileId(t.taskId + "/" + userId + "/" + mediaId);
        ObjectNode p = status(0);
        p.putObject("TencentVod").put("UserId", userId).put("TrackType", track).put("MediaId", mediaId)
                .put("FileId", fileId).put("VideoUrl", "https://" + t.room.sdkAppId() + ".vod.emulator.invalid/" + fileId + "/f0.mp4")
                .put("CacheFile", fileId + ".mp4").put("StartTimeStamp", begin.toEpochMilli()).put("EndTimeStamp", end.toEpochMilli());
        send(t, 311, end, p);
    }

    /** A VOD FileId: 18 decimal digits derived from the task and the file, so the same file keeps its id. */
    static String fileId(String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return String.valueOf(387_702_000_000_000_000L + Math.floorMod(v, 1_000_000_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(EmulatedTask t, int type, Instant at, ObjectNode payload) {
        sender.emit(type, t.taskId, t.room.sdkAppId(), t.room.roomId(), t.room.roomIdType(), t.request.userId(), at, payload);
    }

    private static ObjectNode payload() {
        return TrtcJson.mapper().createObjectNode();
    }

    private static ObjectNode status(int status) {
        return payload().put("Status", status);
    }
}
