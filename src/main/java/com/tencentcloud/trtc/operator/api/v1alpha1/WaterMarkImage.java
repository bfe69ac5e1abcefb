package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An image watermark: the API's WaterMarkImage. It can change while recording.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WaterMarkImage {

    @Required
    @Pattern("^https?://[A-Za-z0-9._~:/?#\\[\\]@!&()*+,%=-]+$")
    @Size(max = 2048)
    @JsonPropertyDescription("The image, an http(s) URL of a jpg, jpeg or png image of at most 5 MB, with the file extension in the URL (WaterMarkUrl); required; can change.")
    private String waterMarkUrl;

    @Required
    @Min(0)
    @Max(2560)
    @JsonPropertyDescription("Y of the image's top-left corner in pixels, 0 to 2560 (Top); required; can change.")
    private Integer top;

    @Required
    @Min(0)
    @Max(2560)
    @JsonPropertyDescription("X of the image's top-left corner in pixels, 0 to 2560 (Left); required; can change.")
    private Integer left;

    @Required
    @Min(0)
    @Max(2560)
    @JsonPropertyDescription("Image width in pixels, 0 to 2560, with left plus width inside the canvas (Width); required; can change.")
    private Integer width;

    @Required
    @Min(0)
    @Max(2560)
    @JsonPropertyDescription("Image height in pixels, 0 to 2560, with top plus height inside the canvas (Height); required; can change.")
    private Integer height;

    public String getWaterMarkUrl() {
        return waterMarkUrl;
    }

    public void setWaterMarkUrl(String waterMarkUrl) {
        this.waterMarkUrl = waterMarkUrl;
    }

    public Integer getTop() {
        return top;
    }

    public void setTop(Integer top) {
        this.top = top;
    }

    public Integer getLeft() {
        return left;
    }

    public void setLeft(Integer left) {
        this.left = left;
    }

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
}
