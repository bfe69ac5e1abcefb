package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * Layout of a mixed recording: the API's MixLayoutParams.
 *
 * <p>It can change while recording: ModifyCloudRecording replaces it whole.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MixLayoutParams {

    @Required
    @JsonPropertyDescription("Layout template (MixLayoutMode): Floating (1), ScreenSharing (2), Grid (3) or Custom (4, windows from mixLayoutList); required; can change.")
    private MixLayoutMode mixLayoutMode;

    @Size(max = 25)
    @JsonPropertyDescription("Windows of the Custom layout, at most 25 (MixLayoutList); default none; can change.")
    private List<MixLayout> mixLayoutList;

    @Pattern("^#[0-9A-Fa-f]{6}$")
    @Size(max = 7)
    @JsonPropertyDescription("Canvas colour as #RRGGBB (BackGroundColor); default black; can change.")
    private String backGroundColor;

    @Size(max = 64)
    @JsonPropertyDescription("User shown in the large window of the Floating and ScreenSharing layouts (MaxResolutionUserId); default the first anchor to enter (Floating) or the background (ScreenSharing); can change.")
    private String maxResolutionUserId;

    @JsonPropertyDescription("Stream of maxResolutionUserId that is shown (MediaId): Main (0) camera or Aux (1) screen share; default Main; can change.")
    private LayoutMediaId mediaId;

    @Pattern("^https?://[A-Za-z0-9._~:/?#\\[\\]@!&()*+,%=-]+$")
    @Size(max = 2048)
    @JsonPropertyDescription("Canvas background image, an http(s) URL of a jpg, jpeg or png image of at most 5 MB, with the file extension in the URL, at most 2K resolution (BackgroundImageUrl); default none; can change.")
    private String backgroundImageUrl;

    @JsonPropertyDescription("Whether preset windows of users who publish nothing show a placeholder image (PlaceHolderMode 1) or not (0); default false; can change.")
    private Boolean placeHolderMode;

    @JsonPropertyDescription("How the background image is fitted (BackgroundImageRenderMode): Stretch (0), Crop (1), Letterbox (2) or SmartStretch (3); default the API's; can change.")
    private RenderMode backgroundImageRenderMode;

    @Pattern("^https?://[A-Za-z0-9._~:/?#\\[\\]@!&()*+,%=-]+$")
    @Size(max = 2048)
    @JsonPropertyDescription("Default placeholder image of the windows, an http(s) URL of a jpg, jpeg or png image of at most 5 MB, with the file extension in the URL (DefaultSubBackgroundImage); default none; can change.")
    private String defaultSubBackgroundImage;

    @Size(max = 25)
    @JsonPropertyDescription("Watermarks, at most 25 (WaterMarkList); default none; can change.")
    private List<WaterMark> waterMarkList;

    @JsonPropertyDescription("How windows of the template layouts (not Custom) are fitted (RenderMode): Stretch (0), Crop (1), Letterbox (2) or SmartStretch (3); default the API's; can change.")
    private RenderMode renderMode;

    @JsonPropertyDescription("Side of the large window in the ScreenSharing layout (MaxResolutionUserAlign): Left (0) or Right (1); default Left; can change.")
    private MaxResolutionUserAlign maxResolutionUserAlign;

    @JsonPropertyDescription("Whether audio-only users get no window in the template layouts (PureAudioDisableLayout); default false; can change.")
    private Boolean pureAudioDisableLayout;

    public MixLayoutMode getMixLayoutMode() {
        return mixLayoutMode;
    }

    public void setMixLayoutMode(MixLayoutMode mixLayoutMode) {
        this.mixLayoutMode = mixLayoutMode;
    }

    public List<MixLayout> getMixLayoutList() {
        return mixLayoutList;
    }

    public void setMixLayoutList(List<MixLayout> mixLayoutList) {
        this.mixLayoutList = mixLayoutList;
    }

    public String getBackGroundColor() {
        return backGroundColor;
    }

    public void setBackGroundColor(String backGroundColor) {
        this.backGroundColor = backGroundColor;
    }

    public String getMaxResolutionUserId() {
        return maxResolutionUserId;
    }

    public void setMaxResolutionUserId(String maxResolutionUserId) {
        this.maxResolutionUserId = maxResolutionUserId;
    }

    public LayoutMediaId getMediaId() {
        return mediaId;
    }

    public void setMediaId(LayoutMediaId mediaId) {
        this.mediaId = mediaId;
    }

    public String getBackgroundImageUrl() {
        return backgroundImageUrl;
    }

    public void setBackgroundImageUrl(String backgroundImageUrl) {
        this.backgroundImageUrl = backgroundImageUrl;
    }

    public Boolean getPlaceHolderMode() {
        return placeHolderMode;
    }

    public void setPlaceHolderMode(Boolean placeHolderMode) {
        this.placeHolderMode = placeHolderMode;
    }

    public RenderMode getBackgroundImageRenderMode() {
        return backgroundImageRenderMode;
    }

    public void setBackgroundImageRenderMode(RenderMode backgroundImageRenderMode) {
        this.backgroundImageRenderMode = backgroundImageRenderMode;
    }

    public String getDefaultSubBackgroundImage() {
        return defaultSubBackgroundImage;
    }

    public void setDefaultSubBackgroundImage(String defaultSubBackgroundImage) {
        this.defaultSubBackgroundImage = defaultSubBackgroundImage;
    }

    public List<WaterMark> getWaterMarkList() {
        return waterMarkList;
    }

    public void setWaterMarkList(List<WaterMark> waterMarkList) {
        this.waterMarkList = waterMarkList;
    }

    public RenderMode getRenderMode() {
        return renderMode;
    }

    public void setRenderMode(RenderMode renderMode) {
        this.renderMode = renderMode;
    }

    public MaxResolutionUserAlign getMaxResolutionUserAlign() {
        return maxResolutionUserAlign;
    }

    public void setMaxResolutionUserAlign(MaxResolutionUserAlign maxResolutionUserAlign) {
        this.maxResolutionUserAlign = maxResolutionUserAlign;
    }

    public Boolean getPureAudioDisableLayout() {
        return pureAudioDisableLayout;
    }

    public void setPureAudioDisableLayout(Boolean pureAudioDisableLayout) {
        this.pureAudioDisableLayout = pureAudioDisableLayout;
    }
}
