package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One recording index file reported by DescribeCloudRecording (trtc-api §4.14).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class StorageFile {

    @JsonProperty("UserId")
    private String userId;
    @JsonProperty("FileName")
    private String fileName;
    @JsonProperty("TrackType")
    private String trackType;
    @JsonProperty("BeginTimeStamp")
    private Long beginTimeStamp;

    public String getUserId() {
        return userId;
    }

    public StorageFile setUserId(String userId) {
        this.userId = userId;
        return this;
    }

    public String getFileName() {
        return fileName;
    }

    public StorageFile setFileName(String fileName) {
        this.fileName = fileName;
        return this;
    }

    public String getTrackType() {
        return trackType;
    }

    public StorageFile setTrackType(String trackType) {
        this.trackType = trackType;
        return this;
    }

    public Long getBeginTimeStamp() {
        return beginTimeStamp;
    }

    public StorageFile setBeginTimeStamp(Long beginTimeStamp) {
        this.beginTimeStamp = beginTimeStamp;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StorageFile other)) {
            return false;
        }
        return Objects.equals(userId, other.userId)
                && Objects.equals(fileName, other.fileName)
                && Objects.equals(trackType, other.trackType)
                && Objects.equals(beginTimeStamp, other.beginTimeStamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, fileName, trackType, beginTimeStamp);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "StorageFile{"
                + "UserId=" + userId
                + ", FileName=" + fileName
                + ", TrackType=" + trackType
                + ", BeginTimeStamp=" + beginTimeStamp
                + "}";
    }
}
