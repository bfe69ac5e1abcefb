package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator observed of the recording. Written only by the operator; secrets never appear here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CloudRecordingStatus {

    @JsonPropertyDescription("Where the recording is in its life: Pending, Queued (waiting for a task slot of its SdkAppId), Creating, Idle, Recording, Stopping, Stopped, Expired, Failed, or Restarting (its task ended by fault and a new one starts after a back-off).")
    private Phase phase;

    @JsonPropertyDescription("The TaskId returned by CreateCloudRecording; also kept in the annotation trtc.tencentcloud.com/task-id.")
    private String taskId;

    @JsonPropertyDescription("The user id the recording robot uses in the room (spec.recorder.userId or the derived default).")
    private String recorderUserId;

    @JsonPropertyDescription("When CreateCloudRecording returned the TaskId (RFC 3339, UTC).")
    private String createdAt;

    @JsonPropertyDescription("End of the management window, createdAt + resourceExpiredHour: after it the task can no longer be queried, modified or stopped through the API (RFC 3339, UTC).")
    private String expiresAt;

    @JsonPropertyDescription("The task status last reported by DescribeCloudRecording: Idle, InProgress or Exited.")
    private String recorderStatus;

    @JsonPropertyDescription("The recording files reported so far by DescribeCloudRecording and the recording callbacks, each once; VOD files (fileId, videoUrl) come only from the callbacks.")
    private List<StorageFileStatus> storageFiles;

    @JsonPropertyDescription("RequestId of the last TRTC call, for support tickets.")
    private String lastRequestId;

    @JsonPropertyDescription("The metadata.generation that the operator last acted on.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready, Synced and Stalled conditions, each with its own observedGeneration.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("How many times a task that ended by fault was replaced by a new one (spec.restartPolicy OnFailure).")
    private Integer restarts;

    @JsonPropertyDescription("The last 10 tasks of this recording that ended, oldest first, each with why it ended.")
    private List<EndedTask> taskHistory;

    @JsonPropertyDescription("When CreateCloudRecording returned the first task's TaskId (RFC 3339, UTC); spec.maxDuration counts from it across restarts.")
    private String firstCreatedAt;

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getRecorderUserId() {
        return recorderUserId;
    }

    public void setRecorderUserId(String recorderUserId) {
        this.recorderUserId = recorderUserId;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getRecorderStatus() {
        return recorderStatus;
    }

    public void setRecorderStatus(String recorderStatus) {
        this.recorderStatus = recorderStatus;
    }

    public List<StorageFileStatus> getStorageFiles() {
        return storageFiles;
    }

    public void setStorageFiles(List<StorageFileStatus> storageFiles) {
        this.storageFiles = storageFiles;
    }

    public String getLastRequestId() {
        return lastRequestId;
    }

    public void setLastRequestId(String lastRequestId) {
        this.lastRequestId = lastRequestId;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public Integer getRestarts() {
        return restarts;
    }

    public void setRestarts(Integer restarts) {
        this.restarts = restarts;
    }

    public List<EndedTask> getTaskHistory() {
        return taskHistory;
    }

    public void setTaskHistory(List<EndedTask> taskHistory) {
        this.taskHistory = taskHistory;
    }

    public String getFirstCreatedAt() {
        return firstCreatedAt;
    }

    public void setFirstCreatedAt(String firstCreatedAt) {
        this.firstCreatedAt = firstCreatedAt;
    }

    /**
     * The life of a recording as the status shows it; {@code Queued}: waiting, without any call, for a task slot of
     * its SdkAppId (design §11); {@code Restarting}: its task ended by fault and a new one starts after a back-off
     * (design §10).
     */
    public enum Phase {
        Pending, Creating, Idle, Recording, Stopping, Stopped, Expired, Failed,
        Restarting, Queued
    }
}
