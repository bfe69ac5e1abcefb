package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Timestamp watermark.
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class WaterMarkTimestamp {

    @JsonProperty("Pos")
    private Long pos;
    @JsonProperty("TimeZone")
    private Long timeZone;
    @JsonProperty("Font")
    private String font;

    public Long getPos() {
        return pos;
    }

    public WaterMarkTimestamp setPos(Long pos) {
        this.pos = pos;
        return this;
    }

    public Long getTimeZone() {
        return timeZone;
    }

    public WaterMarkTimestamp setTimeZone(Long timeZone) {
        this.timeZone = timeZone;
        return this;
    }

    public String getFont() {
        return font;
    }

    public WaterMarkTimestamp setFont(String font) {
        this.font = font;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WaterMarkTimestamp other)) {
            return false;
        }
        return Objects.equals(pos, other.pos)
                && Objects.equals(timeZone, other.timeZone)
                && Objects.equals(font, other.font);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pos, timeZone, font);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "WaterMarkTimestamp{"
                + "Pos=" + pos
                + ", TimeZone=" + timeZone
                + ", Font=" + font
                + "}";
    }
}
