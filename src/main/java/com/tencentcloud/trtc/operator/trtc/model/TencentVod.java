package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * VOD upload parameters (trtc-api §4.6).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class TencentVod {

    @JsonProperty("Procedure")
    private String procedure;
    @JsonProperty("ExpireTime")
    private Long expireTime;
    @JsonProperty("StorageRegion")
    private String storageRegion;
    @JsonProperty("ClassId")
    private Long classId;
    @JsonProperty("SubAppId")
    private Long subAppId;
    @JsonProperty("SessionContext")
    private String sessionContext;
    @JsonProperty("SourceContext")
    private String sourceContext;
    @JsonProperty("MediaType")
    private Long mediaType;
    @JsonProperty("UserDefineRecordId")
    private String userDefineRecordId;

    public String getProcedure() {
        return procedure;
    }

    public TencentVod setProcedure(String procedure) {
        this.procedure = procedure;
        return this;
    }

    public Long getExpireTime() {
        return expireTime;
    }

    public TencentVod setExpireTime(Long expireTime) {
        this.expireTime = expireTime;
        return this;
    }

    public String getStorageRegion() {
        return storageRegion;
    }

    public TencentVod setStorageRegion(String storageRegion) {
        this.storageRegion = storageRegion;
        return this;
    }

    public Long getClassId() {
        return classId;
    }

    public TencentVod setClassId(Long classId) {
        this.classId = classId;
        return this;
    }

    public Long getSubAppId() {
        return subAppId;
    }

    public TencentVod setSubAppId(Long subAppId) {
        this.subAppId = subAppId;
        return this;
    }

    public String getSessionContext() {
        return sessionContext;
    }

    public TencentVod setSessionContext(String sessionContext) {
        this.sessionContext = sessionContext;
        return this;
    }

    public String getSourceContext() {
        return sourceContext;
    }

    public TencentVod setSourceContext(String sourceContext) {
        this.sourceContext = sourceContext;
        return this;
    }

    public Long getMediaType() {
        return mediaType;
    }

    public TencentVod setMediaType(Long mediaType) {
        this.mediaType = mediaType;
        return this;
    }

    public String getUserDefineRecordId() {
        return userDefineRecordId;
    }

    public TencentVod setUserDefineRecordId(String userDefineRecordId) {
        this.userDefineRecordId = userDefineRecordId;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TencentVod other)) {
            return false;
        }
        return Objects.equals(procedure, other.procedure)
                && Objects.equals(expireTime, other.expireTime)
                && Objects.equals(storageRegion, other.storageRegion)
                && Objects.equals(classId, other.classId)
                && Objects.equals(subAppId, other.subAppId)
                && Objects.equals(sessionContext, other.sessionContext)
                && Objects.equals(sourceContext, other.sourceContext)
                && Objects.equals(mediaType, other.mediaType)
                && Objects.equals(userDefineRecordId, other.userDefineRecordId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(procedure, expireTime, storageRegion, classId, subAppId, sessionContext, sourceContext, mediaType, userDefineRecordId);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "TencentVod{"
                + "Procedure=" + procedure
                + ", ExpireTime=" + expireTime
                + ", StorageRegion=" + storageRegion
                + ", ClassId=" + classId
                + ", SubAppId=" + subAppId
                + ", SessionContext=" + sessionContext
                + ", SourceContext=" + sourceContext
                + ", MediaType=" + mediaType
                + ", UserDefineRecordId=" + userDefineRecordId
                + "}";
    }
}
