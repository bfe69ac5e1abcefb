package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Mixed-stream layout (trtc-api §4.10).
 */
public record MixLayoutParams(
        @JsonProperty("MixLayoutMode") Long mixLayoutMode,
        @JsonProperty("MixLayoutList") List<MixLayout> mixLayoutList,
        @JsonProperty("BackGroundColor") String backGroundColor,
        @JsonProperty("MaxResolutionUserId") String maxResolutionUserId,
        @JsonProperty("MediaId") Long mediaId,
        @JsonProperty("BackgroundImageUrl") String backgroundImageUrl,
        @JsonProperty("PlaceHolderMode") Long placeHolderMode,
        @JsonProperty("BackgroundImageRenderMode") Long backgroundImageRenderMode,
        @JsonProperty("DefaultSubBackgroundImage") String defaultSubBackgroundImage,
        @JsonProperty("WaterMarkList") List<WaterMark> waterMarkList,
        @JsonProperty("RenderMode") Long renderMode,
        @JsonProperty("MaxResolutionUserAlign") Long maxResolutionUserAlign,
        @JsonProperty("PureAudioDisableLayout") Boolean pureAudioDisableLayout) {
}
