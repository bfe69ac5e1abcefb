package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A text watermark: the API's WaterMarkChar (the recording API has no WaterMarkText). It can change while recording.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WaterMarkChar {

    @Required
    @Min(0)
    @JsonPropertyDescription("Y of the text box's top-left corner in pixels (Top); required; can change.")
    private Integer top;

    @Required
    @Min(0)
    @JsonPropertyDescription("X of the text box's top-left corner in pixels (Left); required; can change.")
    private Integer left;

    @Required
    @Min(0)
    @JsonPropertyDescription("Width of the text box in pixels (Width); required; can change.")
    private Integer width;

    @Required
    @Min(0)
    @JsonPropertyDescription("Height of the text box in pixels (Height); required; can change.")
    private Integer height;

    @Required
    @Size(min = 1, max = 256)
    @JsonPropertyDescription("The text shown, at most 256 characters (Chars); required; can change.")
    private String chars;

    @Min(0)
    @JsonPropertyDescription("Font size in pixels (FontSize); default 14; can change.")
    private Integer fontSize;

    @Size(max = 16)
    @JsonPropertyDescription("Text colour, e.g. 0xFFFFFF (FontColor); default white; can change.")
    private String fontColor;

    @Size(max = 16)
    @JsonPropertyDescription("Colour behind the text, e.g. 0xBBCCBB (BackGroundColor); default transparent; can change.")
    private String backGroundColor;

    @Pattern("^(Tencent|SourceHanSans)$")
    @Size(max = 16)
    @JsonPropertyDescription("Font, Tencent or SourceHanSans, China site only (Font); default Tencent; can change.")
    private String font;

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

    public String getChars() {
        return chars;
    }

    public void setChars(String chars) {
        this.chars = chars;
    }

    public Integer getFontSize() {
        return fontSize;
    }

    public void setFontSize(Integer fontSize) {
        this.fontSize = fontSize;
    }

    public String getFontColor() {
        return fontColor;
    }

    public void setFontColor(String fontColor) {
        this.fontColor = fontColor;
    }

    public String getBackGroundColor() {
        return backGroundColor;
    }

    public void setBackGroundColor(String backGroundColor) {
        this.backGroundColor = backGroundColor;
    }

    public String getFont() {
        return font;
    }

    public void setFont(String font) {
        this.font = font;
    }
}
