package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A Tencent VOD destination: the API's CloudVod. Fixed when the task is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CloudVod {

    @JsonPropertyDescription("VOD upload settings (TencentVod); default the API's VOD defaults; cannot change.")
    private TencentVod tencentVod;

    public TencentVod getTencentVod() {
        return tencentVod;
    }

    public void setTencentVod(TencentVod tencentVod) {
        this.tencentVod = tencentVod;
    }
}
