package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * One window of the Custom layout: the API's MixLayout. It can change while recording.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MixLayout {

    @Required
    @Min(0)
    @Max(1920)
    @JsonPropertyDescription("Y of the window's top-left corner in pixels, 0 to 1920, inside the canvas (Top); required; can change.")
    private Integer top;

    @Required
    @Min(0)
    @Max(1920)
    @JsonPropertyDescription("X of the window's top-left corner in pixels, 0 to 1920, inside the canvas (Left); required; can change.")
    private Integer left;

    @Required
    @Min(0)
    @Max(1920)
    @JsonPropertyDescription("Window width in pixels, 0 to 1920, with left plus width inside the canvas (Width); required; can change.")
    private Integer width;

    @Required
    @Min(0)
    @Max(1920)
    @JsonPropertyDescription("Window height in pixels, 0 to 1920, with top plus height inside the canvas (Height); required; can change.")
    private Integer height;

    @Size(max = 64)
    @JsonPropertyDescription("User shown in this window (UserId); default windows filled in the order users enter the room; can change.")
    private String userId;

    @Min(0)
    @Max(255)
    @JsonPropertyDescription("Transparency from 0 (opaque) to 255 (fully transparent) (Alpha); default 0; can change.")
    private Integer alpha;

    @JsonPropertyDescription("How the video is fitted into the window (RenderMode): Stretch (0), Crop (1), Letterbox (2) or SmartStretch (3); default Crop; can change.")
    private RenderMode renderMode;

    @JsonPropertyDescription("Stream shown (MediaId): Main (0) camera or Aux (1) screen share; default Main; can change.")
    private LayoutMediaId mediaId;

    @Min(0)
    @JsonPropertyDescription("Stacking order, lower being further back (ImageLayer); default 0; can change.")
    private Integer imageLayer;

    @Pattern("^https?://[A-Za-z0-9._~:/?#\\[\\]@!&()*+,%=-]+$")
    @Size(max = 2048)
    @JsonPropertyDescription("Placeholder image of this window, an http(s) URL of a jpg, jpeg or png image of at most 5 MB, with the file extension in the URL (SubBackgroundImage); default none; can change.")
    private String subBackgroundImage;

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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Integer getAlpha() {
        return alpha;
    }

    public void setAlpha(Integer alpha) {
        this.alpha = alpha;
    }

    public RenderMode getRenderMode() {
        return renderMode;
    }

    public void setRenderMode(RenderMode renderMode) {
        this.renderMode = renderMode;
    }

    public LayoutMediaId getMediaId() {
        return mediaId;
    }

    public void setMediaId(LayoutMediaId mediaId) {
        this.mediaId = mediaId;
    }

    public Integer getImageLayer() {
        return imageLayer;
    }

    public void setImageLayer(Integer imageLayer) {
        this.imageLayer = imageLayer;
    }

    public String getSubBackgroundImage() {
        return subBackgroundImage;
    }

    public void setSubBackgroundImage(String subBackgroundImage) {
        this.subBackgroundImage = subBackgroundImage;
    }
}
