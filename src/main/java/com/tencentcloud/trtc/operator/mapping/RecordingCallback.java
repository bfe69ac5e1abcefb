package com.tencentcloud.trtc.operator.mapping;

import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import java.util.List;

/**
 * One verified TRTC recording callback (trtc-api §6.9), as the fields the operator uses.
 *
 * @param eventType  301 to 312
 * @param callbackTs when TRTC sent it, Unix milliseconds
 * @param taskId     the task it is about
 * @param eventMsTs  when the event happened, Unix milliseconds ({@code EventMsTs}, else {@code EventTs} × 1000)
 * @param status     {@code Payload.Status}, or null
 * @param leaveCode  {@code Payload.LeaveCode}, or null (event 302, and 305 on the newer page)
 * @param files      the files the event names, with the fields it gives ({@code FileList}, {@code FileMessage},
 *                   {@code TencentVod}, or 307's own fields)
 * @param detail     the error text of 308 ({@code Code}: {@code Message}), 309 ({@code Url}) or 311 ({@code Errmsg});
 *                   null otherwise
 */
public record RecordingCallback(int eventType, long callbackTs, String taskId, long eventMsTs, Integer status,
                                Integer leaveCode, List<StorageFileStatus> files, String detail) {

    public static final int RECORDER_STARTED = 301;
    public static final int RECORDER_STOPPED = 302;
    public static final int UPLOADER_STARTED = 303;
    public static final int FIRST_INDEX_FILE = 304;
    public static final int UPLOAD_FINISHED = 305;
    public static final int FAILOVER = 306;
    public static final int INDEX_SLICE = 307;
    public static final int UPLOAD_ERROR = 308;
    public static final int IMAGE_DOWNLOAD_ERROR = 309;
    public static final int MP4_DONE = 310;
    public static final int VOD_COMMIT = 311;
    public static final int VOD_FINISHED = 312;

    public RecordingCallback {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Whether {@code eventType} is one of the recording events 301–312. */
    public static boolean isRecordingEvent(int eventType) {
        return eventType >= RECORDER_STARTED && eventType <= VOD_FINISHED;
    }
}
