package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Mixed video encoding; all fields required when present (trtc-api §4.8).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class VideoParams {

    @JsonProperty("Width")
    private Long width;
    @JsonProperty("Height")
    private Long height;
    @JsonProperty("Fps")
    private Long fps;
    @JsonProperty("BitRate")
    private Long bitRate;
    @JsonProperty("Gop")
    private Long gop;

    public Long getWidth() {
        return width;
    }

    public VideoParams setWidth(Long width) {
        this.width = width;
        return this;
    }

    public Long getHeight() {
        return height;
    }

    public VideoParams setHeight(Long height) {
        this.height = height;
        return this;
    }

    public Long getFps() {
        return fps;
    }

    public VideoParams setFps(Long fps) {
        this.fps = fps;
        return this;
    }

    public Long getBitRate() {
        return bitRate;
    }

    public VideoParams setBitRate(Long bitRate) {
        this.bitRate = bitRate;
        return this;
    }

    public Long getGop() {
        return gop;
    }

    public VideoParams setGop(Long gop) {
        this.gop = gop;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoParams other)) {
            return false;
        }
        return Objects.equals(width, other.width)
                && Objects.equals(height, other.height)
                && Objects.equals(fps, other.fps)
                && Objects.equals(bitRate, other.bitRate)
                && Objects.equals(gop, other.gop);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, fps, bitRate, gop);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "VideoParams{"
                + "Width=" + width
                + ", Height=" + height
                + ", Fps=" + fps
                + ", BitRate=" + bitRate
                + ", Gop=" + gop
                + "}";
    }
}
