package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Text watermark.
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class WaterMarkChar {

    @JsonProperty("Top")
    private Long top;
    @JsonProperty("Left")
    private Long left;
    @JsonProperty("Width")
    private Long width;
    @JsonProperty("Height")
    private Long height;
    @JsonProperty("Chars")
    private String chars;
    @JsonProperty("FontSize")
    private Long fontSize;
    @JsonProperty("FontColor")
    private String fontColor;
    @JsonProperty("BackGroundColor")
    private String backGroundColor;
    @JsonProperty("Font")
    private String font;

    public Long getTop() {
        return top;
    }

    public WaterMarkChar setTop(Long top) {
        this.top = top;
        return this;
    }

    public Long getLeft() {
        return left;
    }

    public WaterMarkChar setLeft(Long left) {
        this.left = left;
        return this;
    }

    public Long getWidth() {
        return width;
    }

    public WaterMarkChar setWidth(Long width) {
        this.width = width;
        return this;
    }

    public Long getHeight() {
        return height;
    }

    public WaterMarkChar setHeight(Long height) {
        this.height = height;
        return this;
    }

    public String getChars() {
        return chars;
    }

    public WaterMarkChar setChars(String chars) {
        this.chars = chars;
        return this;
    }

    public Long getFontSize() {
        return fontSize;
    }

    public WaterMarkChar setFontSize(Long fontSize) {
        this.fontSize = fontSize;
        return this;
    }

    public String getFontColor() {
        return fontColor;
    }

    public WaterMarkChar setFontColor(String fontColor) {
        this.fontColor = fontColor;
        return this;
    }

    public String getBackGroundColor() {
        return backGroundColor;
    }

    public WaterMarkChar setBackGroundColor(String backGroundColor) {
        this.backGroundColor = backGroundColor;
        return this;
    }

    public String getFont() {
        return font;
    }

    public WaterMarkChar setFont(String font) {
        this.font = font;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WaterMarkChar other)) {
            return false;
        }
        return Objects.equals(top, other.top)
                && Objects.equals(left, other.left)
                && Objects.equals(width, other.width)
                && Objects.equals(height, other.height)
                && Objects.equals(chars, other.chars)
                && Objects.equals(fontSize, other.fontSize)
                && Objects.equals(fontColor, other.fontColor)
                && Objects.equals(backGroundColor, other.backGroundColor)
                && Objects.equals(font, other.font);
    }

    @Override
    public int hashCode() {
        return Objects.hash(top, left, width, height, chars, fontSize, fontColor, backGroundColor, font);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "WaterMarkChar{"
                + "Top=" + top
                + ", Left=" + left
                + ", Width=" + width
                + ", Height=" + height
                + ", Chars=" + chars
                + ", FontSize=" + fontSize
                + ", FontColor=" + fontColor
                + ", BackGroundColor=" + backGroundColor
                + ", Font=" + font
                + "}";
    }
}
