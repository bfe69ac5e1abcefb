package com.tencentcloud.trtc.operator.emulator;

import com.tencentcloud.trtc.operator.trtc.model.CloudStorage;
import com.tencentcloud.trtc.operator.trtc.model.StorageFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Builds DescribeCloudRecording's {@code StorageFileList} from what a task recorded, with the index-file names of
 * trtc-api §6.8: {@code <Prefix>/<TaskId>/<SdkAppId>_<RoomId>...}. VOD destinations list nothing (§3.2).
 *
 * <p>Index files are {@code .m3u8}, or the first {@code _1.mp4} segment when OutputFormat is 3 (MP4 only). In
 * single-stream mode each user has one file per recorded media type ({@code audio}, {@code video}), or one
 * {@code audio_video} file with AvMerge 1 or MP4 output; in mixed mode there is one file with UserId "".
 * Simulated anchors publish the main stream only.
 */
final class StorageFileNames {

    private StorageFileNames() {
    }

    static List<StorageFile> files(EmulatedTask task) {
        List<StorageFile> files = new ArrayList<>();
        CloudStorage storage = task.request.storageParams().cloudStorage();
        if (task.toVod || task.mixedBegin == null) {
            return files;
        }
        String dir = (storage.fileNamePrefix() == null || storage.fileNamePrefix().isEmpty()
                ? "" : String.join("/", storage.fileNamePrefix()) + "/") + task.taskId + "/";
        String base = task.room.sdkAppId() + "_" + (task.room.roomIdType() == 1 ? task.room.roomId() : encode(task.room.roomId()));
        Long format = task.request.recordParams().outputFormat();
        boolean mp4 = format != null && format == 3;
        if (task.mixed) {
            String track = task.streamType == 1 ? "audio" : task.streamType == 2 ? "video" : "audio_video";
            files.add(file("", dir + base + (mp4 ? "_1.mp4" : ".m3u8"), track, task.mixedBegin));
            return files;
        }
        Long avMerge = task.request.recordParams().avMerge();
        boolean merge = mp4 || (avMerge != null && avMerge == 1);
        for (Map.Entry<String, Map<String, Instant>> user : task.recorded.entrySet()) {
            String stem = dir + base + "__UserId_s_" + encode(user.getKey()) + "__UserId_e_main";
            Map<String, Instant> tracks = user.getValue();
            if (merge) {
                Instant begin = tracks.values().stream().min(Instant::compareTo).orElseThrow();
                String track = tracks.size() > 1 ? "audio_video" : tracks.keySet().iterator().next();
                files.add(file(user.getKey(), stem + (mp4 ? "_1.mp4" : "_" + track + ".m3u8"), track, begin));
            } else {
                tracks.forEach((track, begin) -> files.add(file(user.getKey(), stem + "_" + track + ".m3u8", track, begin)));
            }
        }
        return files;
    }

    /** Base64 with {@code /}→{@code -} and {@code =}→{@code .}, as file names carry user and string-room ids. */
    static String encode(String id) {
        return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)).replace('/', '-').replace('=', '.');
    }

    private static StorageFile file(String userId, String name, String track, Instant begin) {
        return new StorageFile(userId, name, track, begin.toEpochMilli());
    }
}
