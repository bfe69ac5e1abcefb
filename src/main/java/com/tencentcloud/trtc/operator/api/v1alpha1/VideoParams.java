package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Video encoding of a mixed recording: the API's VideoParams; every field is required when it is present.
 * Fixed when the task is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.width > 1920 || self.height > 1920 || self.width * self.height <= 2073600",
        message = "width times height must be at most 1920x1080 (2073600 pixels)")
public class VideoParams {

    @Required
    @Min(0)
    @Max(1920)
    @JsonPropertyDescription("Width in pixels, at most 1920, with width times height at most 1920x1080 (Width); required; cannot change.")
    private Integer width;

    @Required
    @Min(0)
    @Max(1920)
    @JsonPropertyDescription("Height in pixels, at most 1920, with width times height at most 1920x1080 (Height); required; cannot change.")
    private Integer height;

    @Required
    @Min(1)
    @Max(60)
    @JsonPropertyDescription("Frames per second, 1 to 60 (Fps); required; cannot change.")
    private Integer fps;

    @Required
    @Min(64000)
    @Max(8192000)
    @JsonPropertyDescription("Bit rate in bits per second, 64000 to 8192000 (BitRate); required; cannot change.")
    private Integer bitRate;

    @Required
    @Min(1)
    @JsonPropertyDescription("Keyframe interval in seconds, at least 1 (Gop); required; cannot change.")
    private Integer gop;

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    public Integer getFps() {
        return fps;
    }

    public void setFps(Integer fps) {
        this.fps = fps;
    }

    public Integer getBitRate() {
        return bitRate;
    }

    public void setBitRate(Integer bitRate) {
        this.bitRate = bitRate;
    }

    public Integer getGop() {
        return gop;
    }

    public void setGop(Integer gop) {
        this.gop = gop;
    }
}
