package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Tencent VOD storage (trtc-api §4.5).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class CloudVod {

    @JsonProperty("TencentVod")
    private TencentVod tencentVod;

    public TencentVod getTencentVod() {
        return tencentVod;
    }

    public CloudVod setTencentVod(TencentVod tencentVod) {
        this.tencentVod = tencentVod;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CloudVod other)) {
            return false;
        }
        return Objects.equals(tencentVod, other.tencentVod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tencentVod);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "CloudVod{"
                + "TencentVod=" + tencentVod
                + "}";
    }
}
