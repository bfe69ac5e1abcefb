package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One watermark (trtc-api §4.12).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class WaterMark {

    @JsonProperty("WaterMarkType")
    private Long waterMarkType;
    @JsonProperty("WaterMarkImage")
    private WaterMarkImage waterMarkImage;
    @JsonProperty("WaterMarkChar")
    private WaterMarkChar waterMarkChar;
    @JsonProperty("WaterMarkTimestamp")
    private WaterMarkTimestamp waterMarkTimestamp;

    public Long getWaterMarkType() {
        return waterMarkType;
    }

    public WaterMark setWaterMarkType(Long waterMarkType) {
        this.waterMarkType = waterMarkType;
        return this;
    }

    public WaterMarkImage getWaterMarkImage() {
        return waterMarkImage;
    }

    public WaterMark setWaterMarkImage(WaterMarkImage waterMarkImage) {
        this.waterMarkImage = waterMarkImage;
        return this;
    }

    public WaterMarkChar getWaterMarkChar() {
        return waterMarkChar;
    }

    public WaterMark setWaterMarkChar(WaterMarkChar waterMarkChar) {
        this.waterMarkChar = waterMarkChar;
        return this;
    }

    public WaterMarkTimestamp getWaterMarkTimestamp() {
        return waterMarkTimestamp;
    }

    public WaterMark setWaterMarkTimestamp(WaterMarkTimestamp waterMarkTimestamp) {
        this.waterMarkTimestamp = waterMarkTimestamp;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WaterMark other)) {
            return false;
        }
        return Objects.equals(waterMarkType, other.waterMarkType)
                && Objects.equals(waterMarkImage, other.waterMarkImage)
                && Objects.equals(waterMarkChar, other.waterMarkChar)
                && Objects.equals(waterMarkTimestamp, other.waterMarkTimestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(waterMarkType, waterMarkImage, waterMarkChar, waterMarkTimestamp);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "WaterMark{"
                + "WaterMarkType=" + waterMarkType
                + ", WaterMarkImage=" + waterMarkImage
                + ", WaterMarkChar=" + waterMarkChar
                + ", WaterMarkTimestamp=" + waterMarkTimestamp
                + "}";
    }
}
