package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * Tencent VOD upload settings: the API's TencentVod. Fixed when the task is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TencentVod {

    @Size(max = 128)
    @JsonPropertyDescription("VOD task flow (template name) run after the upload (Procedure); default none; cannot change.")
    private String procedure;

    @Min(0)
    @JsonPropertyDescription("Seconds after the upload until VOD deletes the media, 0 keeping it forever (ExpireTime); default 0; cannot change.")
    private Long expireTime;

    @Size(max = 64)
    @JsonPropertyDescription("VOD storage region, only for accounts with special region needs, e.g. ap-shanghai (StorageRegion); default VOD's own choice; cannot change.")
    private String storageRegion;

    @Min(0)
    @JsonPropertyDescription("VOD category id (ClassId); default 0, the 'other' category; cannot change.")
    private Long classId;

    @Min(0)
    @JsonPropertyDescription("VOD sub-application id, of a standard and not a managed sub-application (SubAppId); default the primary application; cannot change.")
    private Long subAppId;

    @Size(max = 1000)
    @JsonPropertyDescription("Context passed through to the task-flow completion callback, at most 1000 characters (SessionContext); default none; cannot change.")
    private String sessionContext;

    @Size(max = 250)
    @JsonPropertyDescription("Context passed through to the upload completion callback, at most 250 characters (SourceContext); default none; cannot change.")
    private String sourceContext;

    @JsonPropertyDescription("Format uploaded to VOD (MediaType): MP4 (0), HLS (1), AAC (2, only with streamType AudioOnly), HLSAndMP4 (3) or HLSAndAAC (4, only with streamType AudioOnly); default MP4; cannot change.")
    private VodMediaType mediaType;

    @Pattern("^[A-Za-z0-9_-]{1,64}$")
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Own file-name prefix, at most 64 of [A-Za-z0-9_-], joined to the generated name by __UserDefine_u_ (UserDefineRecordId); default none; cannot change.")
    private String userDefineRecordId;

    public String getProcedure() {
        return procedure;
    }

    public void setProcedure(String procedure) {
        this.procedure = procedure;
    }

    public Long getExpireTime() {
        return expireTime;
    }

    public void setExpireTime(Long expireTime) {
        this.expireTime = expireTime;
    }

    public String getStorageRegion() {
        return storageRegion;
    }

    public void setStorageRegion(String storageRegion) {
        this.storageRegion = storageRegion;
    }

    public Long getClassId() {
        return classId;
    }

    public void setClassId(Long classId) {
        this.classId = classId;
    }

    public Long getSubAppId() {
        return subAppId;
    }

    public void setSubAppId(Long subAppId) {
        this.subAppId = subAppId;
    }

    public String getSessionContext() {
        return sessionContext;
    }

    public void setSessionContext(String sessionContext) {
        this.sessionContext = sessionContext;
    }

    public String getSourceContext() {
        return sourceContext;
    }

    public void setSourceContext(String sourceContext) {
        this.sourceContext = sourceContext;
    }

    public VodMediaType getMediaType() {
        return mediaType;
    }

    public void setMediaType(VodMediaType mediaType) {
        this.mediaType = mediaType;
    }

    public String getUserDefineRecordId() {
        return userDefineRecordId;
    }

    public void setUserDefineRecordId(String userDefineRecordId) {
        this.userDefineRecordId = userDefineRecordId;
    }
}
