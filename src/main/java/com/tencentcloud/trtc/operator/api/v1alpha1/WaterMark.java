package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * One watermark of a mixed recording: the API's WaterMark. Exactly the sub-object that matches
 * {@code waterMarkType} is set. It can change while recording.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.waterMarkImage) == (!has(self.waterMarkType) || self.waterMarkType == 'Image')",
        message = "waterMarkImage must be set when, and only when, waterMarkType is Image (the default)")
@ValidationRule(value = "has(self.waterMarkChar) == (has(self.waterMarkType) && self.waterMarkType == 'Text')",
        message = "waterMarkChar must be set when, and only when, waterMarkType is Text")
@ValidationRule(value = "has(self.waterMarkTimestamp) == (has(self.waterMarkType) && self.waterMarkType == 'Timestamp')",
        message = "waterMarkTimestamp must be set when, and only when, waterMarkType is Timestamp")
public class WaterMark {

    @JsonPropertyDescription("Kind of watermark (WaterMarkType): Image (0) with waterMarkImage, Text (1) with waterMarkChar, Timestamp (2) with waterMarkTimestamp; default Image; can change.")
    private WaterMarkType waterMarkType;

    @JsonPropertyDescription("The image watermark (WaterMarkImage); set exactly when waterMarkType is Image or absent; can change.")
    private WaterMarkImage waterMarkImage;

    @JsonPropertyDescription("The text watermark (WaterMarkChar); set exactly when waterMarkType is Text; can change.")
    private WaterMarkChar waterMarkChar;

    @JsonPropertyDescription("The timestamp watermark (WaterMarkTimestamp); set exactly when waterMarkType is Timestamp; can change.")
    private WaterMarkTimestamp waterMarkTimestamp;

    public WaterMarkType getWaterMarkType() {
        return waterMarkType;
    }

    public void setWaterMarkType(WaterMarkType waterMarkType) {
        this.waterMarkType = waterMarkType;
    }

    public WaterMarkImage getWaterMarkImage() {
        return waterMarkImage;
    }

    public void setWaterMarkImage(WaterMarkImage waterMarkImage) {
        this.waterMarkImage = waterMarkImage;
    }

    public WaterMarkChar getWaterMarkChar() {
        return waterMarkChar;
    }

    public void setWaterMarkChar(WaterMarkChar waterMarkChar) {
        this.waterMarkChar = waterMarkChar;
    }

    public WaterMarkTimestamp getWaterMarkTimestamp() {
        return waterMarkTimestamp;
    }

    public void setWaterMarkTimestamp(WaterMarkTimestamp waterMarkTimestamp) {
        this.waterMarkTimestamp = waterMarkTimestamp;
    }
}
