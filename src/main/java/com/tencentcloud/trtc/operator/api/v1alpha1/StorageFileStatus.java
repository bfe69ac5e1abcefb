package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One recording index file, as DescribeCloudRecording reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageFileStatus {

    @JsonPropertyDescription("Name of the index file (for example the .m3u8).")
    private String fileName;

    @JsonPropertyDescription("The user whose stream the file holds; empty for a mixed recording.")
    private String userId;

    @JsonPropertyDescription("video, audio or audio_video.")
    private String trackType;

    @JsonPropertyDescription("When the recording of this file began, Unix time in milliseconds.")
    private Long beginTimeStamp;

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
}
