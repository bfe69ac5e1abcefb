package com.tencentcloud.trtc.operator.trtc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Mixed-stream layout (trtc-api §4.10).
 * <p>Wire model: property names are Tencent's PascalCase names; unset fields are left out of the JSON.
 */
public final class MixLayoutParams {

    @JsonProperty("MixLayoutMode")
    private Long mixLayoutMode;
    @JsonProperty("MixLayoutList")
    private List<MixLayout> mixLayoutList;
    @JsonProperty("BackGroundColor")
    private String backGroundColor;
    @JsonProperty("MaxResolutionUserId")
    private String maxResolutionUserId;
    @JsonProperty("MediaId")
    private Long mediaId;
    @JsonProperty("BackgroundImageUrl")
    private String backgroundImageUrl;
    @JsonProperty("PlaceHolderMode")
    private Long placeHolderMode;
    @JsonProperty("BackgroundImageRenderMode")
    private Long backgroundImageRenderMode;
    @JsonProperty("DefaultSubBackgroundImage")
    private String defaultSubBackgroundImage;
    @JsonProperty("WaterMarkList")
    private List<WaterMark> waterMarkList;
    @JsonProperty("RenderMode")
    private Long renderMode;
    @JsonProperty("MaxResolutionUserAlign")
    private Long maxResolutionUserAlign;
    @JsonProperty("PureAudioDisableLayout")
    private Boolean pureAudioDisableLayout;

    public Long getMixLayoutMode() {
        return mixLayoutMode;
    }

    public MixLayoutParams setMixLayoutMode(Long mixLayoutMode) {
        this.mixLayoutMode = mixLayoutMode;
        return this;
    }

    public List<MixLayout> getMixLayoutList() {
        return mixLayoutList;
    }

    public MixLayoutParams setMixLayoutList(List<MixLayout> mixLayoutList) {
        this.mixLayoutList = mixLayoutList;
        return this;
    }

    public String getBackGroundColor() {
        return backGroundColor;
    }

    public MixLayoutParams setBackGroundColor(String backGroundColor) {
        this.backGroundColor = backGroundColor;
        return this;
    }

    public String getMaxResolutionUserId() {
        return maxResolutionUserId;
    }

    public MixLayoutParams setMaxResolutionUserId(String maxResolutionUserId) {
        this.maxResolutionUserId = maxResolutionUserId;
        return this;
    }

    public Long getMediaId() {
        return mediaId;
    }

    public MixLayoutParams setMediaId(Long mediaId) {
        this.mediaId = mediaId;
        return this;
    }

    public String getBackgroundImageUrl() {
        return backgroundImageUrl;
    }

    public MixLayoutParams setBackgroundImageUrl(String backgroundImageUrl) {
        this.backgroundImageUrl = backgroundImageUrl;
        return this;
    }

    public Long getPlaceHolderMode() {
        return placeHolderMode;
    }

    public MixLayoutParams setPlaceHolderMode(Long placeHolderMode) {
        this.placeHolderMode = placeHolderMode;
        return this;
    }

    public Long getBackgroundImageRenderMode() {
        return backgroundImageRenderMode;
    }

    public MixLayoutParams setBackgroundImageRenderMode(Long backgroundImageRenderMode) {
        this.backgroundImageRenderMode = backgroundImageRenderMode;
        return this;
    }

    public String getDefaultSubBackgroundImage() {
        return defaultSubBackgroundImage;
    }

    public MixLayoutParams setDefaultSubBackgroundImage(String defaultSubBackgroundImage) {
        this.defaultSubBackgroundImage = defaultSubBackgroundImage;
        return this;
    }

    public List<WaterMark> getWaterMarkList() {
        return waterMarkList;
    }

    public MixLayoutParams setWaterMarkList(List<WaterMark> waterMarkList) {
        this.waterMarkList = waterMarkList;
        return this;
    }

    public Long getRenderMode() {
        return renderMode;
    }

    public MixLayoutParams setRenderMode(Long renderMode) {
        this.renderMode = renderMode;
        return this;
    }

    public Long getMaxResolutionUserAlign() {
        return maxResolutionUserAlign;
    }

    public MixLayoutParams setMaxResolutionUserAlign(Long maxResolutionUserAlign) {
        this.maxResolutionUserAlign = maxResolutionUserAlign;
        return this;
    }

    public Boolean getPureAudioDisableLayout() {
        return pureAudioDisableLayout;
    }

    public MixLayoutParams setPureAudioDisableLayout(Boolean pureAudioDisableLayout) {
        this.pureAudioDisableLayout = pureAudioDisableLayout;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MixLayoutParams other)) {
            return false;
        }
        return Objects.equals(mixLayoutMode, other.mixLayoutMode)
                && Objects.equals(mixLayoutList, other.mixLayoutList)
                && Objects.equals(backGroundColor, other.backGroundColor)
                && Objects.equals(maxResolutionUserId, other.maxResolutionUserId)
                && Objects.equals(mediaId, other.mediaId)
                && Objects.equals(backgroundImageUrl, other.backgroundImageUrl)
                && Objects.equals(placeHolderMode, other.placeHolderMode)
                && Objects.equals(backgroundImageRenderMode, other.backgroundImageRenderMode)
                && Objects.equals(defaultSubBackgroundImage, other.defaultSubBackgroundImage)
                && Objects.equals(waterMarkList, other.waterMarkList)
                && Objects.equals(renderMode, other.renderMode)
                && Objects.equals(maxResolutionUserAlign, other.maxResolutionUserAlign)
                && Objects.equals(pureAudioDisableLayout, other.pureAudioDisableLayout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mixLayoutMode, mixLayoutList, backGroundColor, maxResolutionUserId, mediaId, backgroundImageUrl, placeHolderMode, backgroundImageRenderMode, defaultSubBackgroundImage, waterMarkList, renderMode, maxResolutionUserAlign, pureAudioDisableLayout);
    }

    /** Field values for diagnostics; credentials and signatures are redacted. */
    @Override
    public String toString() {
        return "MixLayoutParams{"
                + "MixLayoutMode=" + mixLayoutMode
                + ", MixLayoutList=" + mixLayoutList
                + ", BackGroundColor=" + backGroundColor
                + ", MaxResolutionUserId=" + maxResolutionUserId
                + ", MediaId=" + mediaId
                + ", BackgroundImageUrl=" + backgroundImageUrl
                + ", PlaceHolderMode=" + placeHolderMode
                + ", BackgroundImageRenderMode=" + backgroundImageRenderMode
                + ", DefaultSubBackgroundImage=" + defaultSubBackgroundImage
                + ", WaterMarkList=" + waterMarkList
                + ", RenderMode=" + renderMode
                + ", MaxResolutionUserAlign=" + maxResolutionUserAlign
                + ", PureAudioDisableLayout=" + pureAudioDisableLayout
                + "}";
    }
}
