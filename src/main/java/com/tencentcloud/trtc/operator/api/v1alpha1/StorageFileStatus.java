package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One recording file, as DescribeCloudRecording or a recording callback reports it; a field the source does not
 * give is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageFileStatus {

    @JsonPropertyDescription("Name of the index file (for example the .m3u8) or of the MP4 file; absent for a VOD file, which has a fileId instead.")
    private String fileName;

    @JsonPropertyDescription("The user whose stream the file holds; empty for a mixed recording.")
    private String userId;

    @JsonPropertyDescription("video, audio or audio_video.")
    private String trackType;

    @JsonPropertyDescription("main, aux or mix: which stream the file holds (from the recording callbacks).")
    private String mediaId;

    @JsonPropertyDescription("The VOD file id of a recording stored in Tencent Cloud VOD (callback 311).")
    private String fileId;

    @JsonPropertyDescription("Where a VOD recording can be played (callback 311).")
    private String videoUrl;

    @JsonPropertyDescription("When the recording of this file began, Unix time in milliseconds.")
    private Long beginTimeStamp;

    @JsonPropertyDescription("When the recording of this file ended, Unix time in milliseconds (from the recording callbacks).")
    private Long endTimeStamp;

    @JsonPropertyDescription("The TaskId of the task that recorded this file, so the files of every task of a restarted recording stay apart.")
    private String taskId;

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getTrackType() {
        return trackType;
    }

    public void setTrackType(String trackType) {
        this.trackType = trackType;
    }

    public Long getBeginTimeStamp() {
        return beginTimeStamp;
    }

    public void setBeginTimeStamp(Long beginTimeStamp) {
        this.beginTimeStamp = beginTimeStamp;
    }

    public String getMediaId() {
        return mediaId;
    }

    public void setMediaId(String mediaId) {
        this.mediaId = mediaId;
    }

    public String getFileId() {
        return fileId;
    }

    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    public String getVideoUrl() {
        return videoUrl;
    }

    public void setVideoUrl(String videoUrl) {
        this.videoUrl = videoUrl;
    }

    public Long getEndTimeStamp() {
        return endTimeStamp;
    }

    public void setEndTimeStamp(Long endTimeStamp) {
        this.endTimeStamp = endTimeStamp;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }
}
