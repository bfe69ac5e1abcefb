package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A timestamp watermark: the API's WaterMarkTimestamp. It can change while recording.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WaterMarkTimestamp {

    @Required
    @JsonPropertyDescription("Position (Pos): TopLeft (0), TopRight (1), BottomLeft (2), BottomRight (3), TopCenter (4), BottomCenter (5) or Center (6); required; can change.")
    private WaterMarkPosition pos;

    @Min(0)
    @JsonPropertyDescription("Time zone of the shown time, in hours east of UTC (TimeZone); default 8 (UTC+8); can change.")
    private Integer timeZone;

    @Pattern("^(Tencent|SourceHanSans)$")
    @Size(max = 16)
    @JsonPropertyDescription("Font, Tencent or SourceHanSans, China site only (Font); default Tencent; can change.")
    private String font;

    public WaterMarkPosition getPos() {
        return pos;
    }

    public void setPos(WaterMarkPosition pos) {
        this.pos = pos;
    }

    public Integer getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(Integer timeZone) {
        this.timeZone = timeZone;
    }

    public String getFont() {
        return font;
    }

    public void setFont(String font) {
        this.font = font;
    }
}
