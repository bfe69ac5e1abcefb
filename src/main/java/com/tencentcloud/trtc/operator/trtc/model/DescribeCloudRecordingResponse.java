package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Answer of DescribeCloudRecording: the task status and its index files.
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class DescribeCloudRecordingResponse {

    @JsonProperty("TaskId")
    private String taskId;
    @JsonProperty("Status")
    private String status;
    @JsonProperty("StorageFileList")
    private List<StorageFile> storageFileList;
    @JsonProperty("RecorderKey")
    private String recorderKey;
    @JsonProperty("RequestId")
    private String requestId;

    public String getTaskId() {
        return taskId;
    }

    public DescribeCloudRecordingResponse setTaskId(String taskId) {
        this.taskId = taskId;
        return this;
    }

    public String getStatus() {
        return status;
    }

    public DescribeCloudRecordingResponse setStatus(String status) {
        this.status = status;
        return this;
    }

    public List<StorageFile> getStorageFileList() {
        return storageFileList;
    }

    public DescribeCloudRecordingResponse setStorageFileList(List<StorageFile> storageFileList) {
        this.storageFileList = storageFileList;
        return this;
    }

    public String getRecorderKey() {
        return recorderKey;
    }

    public DescribeCloudRecordingResponse setRecorderKey(String recorderKey) {
        this.recorderKey = recorderKey;
        return this;
    }

    public String getRequestId() {
        return requestId;
    }

    public DescribeCloudRecordingResponse setRequestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DescribeCloudRecordingResponse other)) {
            return false;
        }
        return Objects.equals(taskId, other.taskId)
                && Objects.equals(status, other.status)
                && Objects.equals(storageFileList, other.storageFileList)
                && Objects.equals(recorderKey, other.recorderKey)
                && Objects.equals(requestId, other.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskId, status, storageFileList, recorderKey, requestId);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "DescribeCloudRecordingResponse{"
                + "TaskId=" + taskId
                + ", Status=" + status
                + ", StorageFileList=" + storageFileList
                + ", RecorderKey=" + recorderKey
                + ", RequestId=" + requestId
                + "}";
    }
}
