package com.tencentcloud.trtc.operator.mapping;

import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges recording files into {@code status.storageFiles}, each file once however often it is reported.
 *
 * <p>A file is the same file when its {@code fileId} (VOD) or else its {@code taskId} and {@code fileName} match (one
 * name can come back in each task of a restarted recording); a file with neither is identified by its task, user,
 * track, stream and begin time. A file listed before files carried their task matches a report of it that does. Merging only fills fields that are still
 * empty, so a repeated or late report changes nothing, and the list keeps its first-seen order. At most
 * {@link #MAX_FILES} files are kept (the resource must stay well under the API server's object size).
 */
public final class StorageFiles {

    public static final int MAX_FILES = 200;

    private StorageFiles() {
    }

    /** {@code existing} with {@code incoming} merged in; neither list is changed. */
    public static List<StorageFileStatus> merge(List<StorageFileStatus> existing, List<StorageFileStatus> incoming) {
        Map<String, StorageFileStatus> byKey = new LinkedHashMap<>();
        for (StorageFileStatus f : existing == null ? List.<StorageFileStatus>of() : existing) {
            byKey.putIfAbsent(key(f), copy(f));
        }
        for (StorageFileStatus f : incoming == null ? List.<StorageFileStatus>of() : incoming) {
            StorageFileStatus known = byKey.get(key(f));
            if (known == null && f.getTaskId() != null) {
                StorageFileStatus older = byKey.get(key(untagged(f)));
                known = older != null && older.getTaskId() == null ? older : null;
            }
            if (known == null) {
                if (byKey.size() < MAX_FILES) {
                    byKey.put(key(f), copy(f));
                }
            } else {
                fill(known, f);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String key(StorageFileStatus f) {
        if (f.getFileId() != null) {
            return "id:" + f.getFileId();
        }
        String task = f.getTaskId() == null ? "" : f.getTaskId();
        if (f.getFileName() != null) {
            return "name:" + task + "|" + f.getFileName();
        }
        return "stream:" + task + "|" + f.getUserId() + "|" + f.getTrackType() + "|" + f.getMediaId() + "|" + f.getBeginTimeStamp();
    }

    private static void fill(StorageFileStatus into, StorageFileStatus from) {
        into.setFileName(first(into.getFileName(), from.getFileName()));
        into.setUserId(first(into.getUserId(), from.getUserId()));
        into.setTrackType(first(into.getTrackType(), from.getTrackType()));
        into.setMediaId(first(into.getMediaId(), from.getMediaId()));
        into.setFileId(first(into.getFileId(), from.getFileId()));
        into.setVideoUrl(first(into.getVideoUrl(), from.getVideoUrl()));
        into.setBeginTimeStamp(first(into.getBeginTimeStamp(), from.getBeginTimeStamp()));
        into.setEndTimeStamp(first(into.getEndTimeStamp(), from.getEndTimeStamp()));
        into.setTaskId(first(into.getTaskId(), from.getTaskId()));
    }

    /** {@code files}, each marked as recorded by task {@code taskId} unless it names its task already. */
    public static List<StorageFileStatus> ofTask(String taskId, List<StorageFileStatus> files) {
        return files.stream().map(f -> {
            StorageFileStatus c = copy(f);
            c.setTaskId(first(f.getTaskId(), taskId));
            return c;
        }).toList();
    }

    private static StorageFileStatus untagged(StorageFileStatus f) {
        StorageFileStatus c = copy(f);
        c.setTaskId(null);
        return c;
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static StorageFileStatus copy(StorageFileStatus f) {
        StorageFileStatus c = new StorageFileStatus();
        fill(c, f);
        return c;
    }
}
