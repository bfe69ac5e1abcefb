package com.tencentcloud.trtc.operator.mapping;

import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges recording files into {@code status.storageFiles}, each file once however often it is reported.
 *
 * <p>A file is the same file when its {@code fileId} (VOD) or else its {@code fileName} matches; a file with
 * neither is identified by its user, track, stream and begin time. Merging only fills fields that are still
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
        if (f.getFileName() != null) {
            return "name:" + f.getFileName();
        }
        return "stream:" + f.getUserId() + "|" + f.getTrackType() + "|" + f.getMediaId() + "|" + f.getBeginTimeStamp();
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
