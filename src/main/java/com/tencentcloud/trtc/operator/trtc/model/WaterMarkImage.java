package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Image watermark.
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class WaterMarkImage {

    @JsonProperty("WaterMarkUrl")
    private String waterMarkUrl;
    @JsonProperty("Top")
    private Long top;
    @JsonProperty("Left")
    private Long left;
    @JsonProperty("Width")
    private Long width;
    @JsonProperty("Height")
    private Long height;

    public String getWaterMarkUrl() {
        return waterMarkUrl;
    }

    public WaterMarkImage setWaterMarkUrl(String waterMarkUrl) {
        this.waterMarkUrl = waterMarkUrl;
        return this;
    }

    public Long getTop() {
        return top;
    }

    public WaterMarkImage setTop(Long top) {
        this.top = top;
        return this;
    }

    public Long getLeft() {
        return left;
    }

    public WaterMarkImage setLeft(Long left) {
        this.left = left;
        return this;
    }

    public Long getWidth() {
        return width;
    }

    public WaterMarkImage setWidth(Long width) {
        this.width = width;
        return this;
    }

    public Long getHeight() {
        return height;
    }

    public WaterMarkImage setHeight(Long height) {
        this.height = height;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WaterMarkImage other)) {
            return false;
        }
        return Objects.equals(waterMarkUrl, other.waterMarkUrl)
                && Objects.equals(top, other.top)
                && Objects.equals(left, other.left)
                && Objects.equals(width, other.width)
                && Objects.equals(height, other.height);
    }

    @Override
    public int hashCode() {
        return Objects.hash(waterMarkUrl, top, left, width, height);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "WaterMarkImage{"
                + "WaterMarkUrl=" + waterMarkUrl
                + ", Top=" + top
                + ", Left=" + left
                + ", Width=" + width
                + ", Height=" + height
                + "}";
    }
}
