package com.tencentcloud.trtc.operator.emulator;

import static com.tencentcloud.trtc.operator.emulator.Checks.maxSize;
import static com.tencentcloud.trtc.operator.emulator.Checks.oneOf;
import static com.tencentcloud.trtc.operator.emulator.Checks.range;
import static com.tencentcloud.trtc.operator.emulator.Checks.required;

import com.tencentcloud.trtc.operator.trtc.model.AudioParams;
import com.tencentcloud.trtc.operator.trtc.model.MixLayout;
import com.tencentcloud.trtc.operator.trtc.model.MixLayoutParams;
import com.tencentcloud.trtc.operator.trtc.model.MixTranscodeParams;
import com.tencentcloud.trtc.operator.trtc.model.VideoParams;
import com.tencentcloud.trtc.operator.trtc.model.WaterMark;
import com.tencentcloud.trtc.operator.trtc.model.WaterMarkChar;
import com.tencentcloud.trtc.operator.trtc.model.WaterMarkImage;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates the mixed-stream parameters (trtc-api §4.7–§4.12): every field of a present VideoParams or
 * AudioParams is required ({@code MissingParameter}), ranges give {@code InvalidParameter.OutOfRange}, and
 * windows and watermarks must fit the canvas (VideoParams, or the 360x640 default).
 */
final class MixValidator {

    /** Canvas size of the mixed output. */
    record Canvas(long width, long height) {
        static final Canvas DEFAULT = new Canvas(360, 640);
    }

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern IMAGE_URL = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!&()*+,%=]+");

    private MixValidator() {
    }

    static Canvas canvas(MixTranscodeParams transcode) {
        if (transcode == null || transcode.getVideoParams() == null) {
            return Canvas.DEFAULT;
        }
        return new Canvas(transcode.getVideoParams().getWidth(), transcode.getVideoParams().getHeight());
    }

    static void transcode(MixTranscodeParams t) {
        if (t == null) {
            return;
        }
        VideoParams v = t.getVideoParams();
        if (v != null) {
            String at = "MixTranscodeParams.VideoParams.";
            range(required(v.getWidth(), "MissingParameter", at + "Width"), 0, 1920, at + "Width");
            range(required(v.getHeight(), "MissingParameter", at + "Height"), 0, 1920, at + "Height");
            if (v.getWidth() * v.getHeight() > 1920L * 1080L) {
                throw ApiError.outOfRange(at + "Width", "Width*Height must not exceed 1920*1080");
            }
            range(required(v.getFps(), "MissingParameter", at + "Fps"), 1, 60, at + "Fps");
            range(required(v.getBitRate(), "MissingParameter", at + "BitRate"), 64000, 8192000, at + "BitRate");
            range(required(v.getGop(), "MissingParameter", at + "Gop"), 1, 3600, at + "Gop");
        }
        AudioParams a = t.getAudioParams();
        if (a != null) {
            String at = "MixTranscodeParams.AudioParams.";
            oneOf(required(a.getSampleRate(), "MissingParameter", at + "SampleRate"), at + "SampleRate", 1, 2, 3);
            oneOf(required(a.getChannel(), "MissingParameter", at + "Channel"), at + "Channel", 1, 2);
            range(required(a.getBitRate(), "MissingParameter", at + "BitRate"), 32000, 128000, at + "BitRate");
        }
    }

    static void layout(MixLayoutParams p, Canvas canvas, String at) {
        if (p == null) {
            return;
        }
        oneOf(required(p.getMixLayoutMode(), "MissingParameter", at + ".MixLayoutMode"), at + ".MixLayoutMode", 1, 2, 3, 4);
        maxSize(p.getMixLayoutList(), 25, at + ".MixLayoutList");
        maxSize(p.getWaterMarkList(), 25, at + ".WaterMarkList");
        if (p.getBackGroundColor() != null && !COLOR.matcher(p.getBackGroundColor()).matches()) {
            throw ApiError.outOfRange(at + ".BackGroundColor", "a colour is #RRGGBB");
        }
        oneOf(p.getMediaId(), at + ".MediaId", 0, 1);
        imageUrl(p.getBackgroundImageUrl(), at + ".BackgroundImageUrl");
        imageUrl(p.getDefaultSubBackgroundImage(), at + ".DefaultSubBackgroundImage");
        oneOf(p.getPlaceHolderMode(), at + ".PlaceHolderMode", 0, 1);
        range(p.getBackgroundImageRenderMode(), 0, 3, at + ".BackgroundImageRenderMode");
        range(p.getRenderMode(), 0, 3, at + ".RenderMode");
        oneOf(p.getMaxResolutionUserAlign(), at + ".MaxResolutionUserAlign", 0, 1);
        List<MixLayout> windows = p.getMixLayoutList();
        for (int i = 0; windows != null && i < windows.size(); i++) {
            window(windows.get(i), canvas, at + ".MixLayoutList[" + i + "]");
        }
        List<WaterMark> marks = p.getWaterMarkList();
        for (int i = 0; marks != null && i < marks.size(); i++) {
            waterMark(marks.get(i), canvas, at + ".WaterMarkList[" + i + "]");
        }
    }

    private static void window(MixLayout w, Canvas canvas, String at) {
        box(w.getTop(), w.getLeft(), w.getWidth(), w.getHeight(), 1920, canvas, at);
        range(w.getAlpha(), 0, 255, at + ".Alpha");
        range(w.getRenderMode(), 0, 3, at + ".RenderMode");
        oneOf(w.getMediaId(), at + ".MediaId", 0, 1);
        range(w.getImageLayer(), 0, Long.MAX_VALUE, at + ".ImageLayer");
        imageUrl(w.getSubBackgroundImage(), at + ".SubBackgroundImage");
    }

    private static void waterMark(WaterMark m, Canvas canvas, String at) {
        long type = m.getWaterMarkType() == null ? 0 : m.getWaterMarkType();
        oneOf(type, at + ".WaterMarkType", 0, 1, 2);
        if (type == 0) {
            WaterMarkImage image = required(m.getWaterMarkImage(), "MissingParameter", at + ".WaterMarkImage");
            required(image.getWaterMarkUrl(), "MissingParameter", at + ".WaterMarkImage.WaterMarkUrl");
            imageUrl(image.getWaterMarkUrl(), at + ".WaterMarkImage.WaterMarkUrl");
            box(image.getTop(), image.getLeft(), image.getWidth(), image.getHeight(), 2560, canvas, at + ".WaterMarkImage");
        } else if (type == 1) {
            WaterMarkChar text = required(m.getWaterMarkChar(), "MissingParameter", at + ".WaterMarkChar");
            required(text.getChars(), "MissingParameter", at + ".WaterMarkChar.Chars");
            box(text.getTop(), text.getLeft(), text.getWidth(), text.getHeight(), 2560, canvas, at + ".WaterMarkChar");
            range(text.getFontSize(), 1, 1920, at + ".WaterMarkChar.FontSize");
        } else {
            required(m.getWaterMarkTimestamp(), "MissingParameter", at + ".WaterMarkTimestamp");
            range(required(m.getWaterMarkTimestamp().getPos(), "MissingParameter", at + ".WaterMarkTimestamp.Pos"),
                    0, 6, at + ".WaterMarkTimestamp.Pos");
        }
    }

    private static void box(Long top, Long left, Long width, Long height, long max, Canvas canvas, String at) {
        range(required(top, "MissingParameter", at + ".Top"), 0, max, at + ".Top");
        range(required(left, "MissingParameter", at + ".Left"), 0, max, at + ".Left");
        range(required(width, "MissingParameter", at + ".Width"), 0, max, at + ".Width");
        range(required(height, "MissingParameter", at + ".Height"), 0, max, at + ".Height");
        if (left + width > canvas.width() || top + height > canvas.height()) {
            throw ApiError.outOfRange(at, "the box must fit the " + canvas.width() + "x" + canvas.height() + " canvas");
        }
    }

    private static void imageUrl(String url, String at) {
        if (url != null && !IMAGE_URL.matcher(url).matches()) {
            throw ApiError.outOfRange(at, "an image URL uses only a-z A-Z 0-9 - . _ ~ : / ? # [ ] @ ! & ( ) * + , % =");
        }
    }
}
