package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One window of a custom layout (trtc-api §4.11).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class MixLayout {

    @JsonProperty("Top")
    private Long top;
    @JsonProperty("Left")
    private Long left;
    @JsonProperty("Width")
    private Long width;
    @JsonProperty("Height")
    private Long height;
    @JsonProperty("UserId")
    private String userId;
    @JsonProperty("Alpha")
    private Long alpha;
    @JsonProperty("RenderMode")
    private Long renderMode;
    @JsonProperty("MediaId")
    private Long mediaId;
    @JsonProperty("ImageLayer")
    private Long imageLayer;
    @JsonProperty("SubBackgroundImage")
    private String subBackgroundImage;

    public Long getTop() {
        return top;
    }

    public MixLayout setTop(Long top) {
        this.top = top;
        return this;
    }

    public Long getLeft() {
        return left;
    }

    public MixLayout setLeft(Long left) {
        this.left = left;
        return this;
    }

    public Long getWidth() {
        return width;
    }

    public MixLayout setWidth(Long width) {
        this.width = width;
        return this;
    }

    public Long getHeight() {
        return height;
    }

    public MixLayout setHeight(Long height) {
        this.height = height;
        return this;
    }

    public String getUserId() {
        return userId;
    }

    public MixLayout setUserId(String userId) {
        this.userId = userId;
        return this;
    }

    public Long getAlpha() {
        return alpha;
    }

    public MixLayout setAlpha(Long alpha) {
        this.alpha = alpha;
        return this;
    }

    public Long getRenderMode() {
        return renderMode;
    }

    public MixLayout setRenderMode(Long renderMode) {
        this.renderMode = renderMode;
        return this;
    }

    public Long getMediaId() {
        return mediaId;
    }

    public MixLayout setMediaId(Long mediaId) {
        this.mediaId = mediaId;
        return this;
    }

    public Long getImageLayer() {
        return imageLayer;
    }

    public MixLayout setImageLayer(Long imageLayer) {
        this.imageLayer = imageLayer;
        return this;
    }

    public String getSubBackgroundImage() {
        return subBackgroundImage;
    }

    public MixLayout setSubBackgroundImage(String subBackgroundImage) {
        this.subBackgroundImage = subBackgroundImage;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MixLayout other)) {
            return false;
        }
        return Objects.equals(top, other.top)
                && Objects.equals(left, other.left)
                && Objects.equals(width, other.width)
                && Objects.equals(height, other.height)
                && Objects.equals(userId, other.userId)
                && Objects.equals(alpha, other.alpha)
                && Objects.equals(renderMode, other.renderMode)
                && Objects.equals(mediaId, other.mediaId)
                && Objects.equals(imageLayer, other.imageLayer)
                && Objects.equals(subBackgroundImage, other.subBackgroundImage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(top, left, width, height, userId, alpha, renderMode, mediaId, imageLayer, subBackgroundImage);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "MixLayout{"
                + "Top=" + top
                + ", Left=" + left
                + ", Width=" + width
                + ", Height=" + height
                + ", UserId=" + userId
                + ", Alpha=" + alpha
                + ", RenderMode=" + renderMode
                + ", MediaId=" + mediaId
                + ", ImageLayer=" + imageLayer
                + ", SubBackgroundImage=" + subBackgroundImage
                + "}";
    }
}
