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
        if (transcode == null || transcode.videoParams() == null) {
            return Canvas.DEFAULT;
        }
        return new Canvas(transcode.videoParams().width(), transcode.videoParams().height());
    }

    static void transcode(MixTranscodeParams t) {
        if (t == null) {
            return;
        }
        VideoParams v = t.videoParams();
        if (v != null) {
            String at = "MixTranscodeParams.VideoParams.";
            range(required(v.width(), "MissingParameter", at + "Width"), 0, 1920, at + "Width");
            range(required(v.height(), "MissingParameter", at + "Height"), 0, 1920, at + "Height");
            if (v.width() * v.height() > 1920L * 1080L) {
                throw ApiError.outOfRange(at + "Width", "Width*Height must not exceed 1920*1080");
            }
            range(required(v.fps(), "MissingParameter", at + "Fps"), 1, 60, at + "Fps");
            range(required(v.bitRate(), "MissingParameter", at + "BitRate"), 64000, 8192000, at + "BitRate");
            range(required(v.gop(), "MissingParameter", at + "Gop"), 1, 3600, at + "Gop");
        }
        AudioParams a = t.audioParams();
        if (a != null) {
            String at = "MixTranscodeParams.AudioParams.";
            oneOf(required(a.sampleRate(), "MissingParameter", at + "SampleRate"), at + "SampleRate", 1, 2, 3);
            oneOf(required(a.channel(), "MissingParameter", at + "Channel"), at + "Channel", 1, 2);
            range(required(a.bitRate(), "MissingParameter", at + "BitRate"), 32000, 128000, at + "BitRate");
        }
    }

    static void layout(MixLayoutParams p, Canvas canvas, String at) {
        if (p == null) {
            return;
        }
        oneOf(required(p.mixLayoutMode(), "MissingParameter", at + ".MixLayoutMode"), at + ".MixLayoutMode", 1, 2, 3, 4);
        maxSize(p.mixLayoutList(), 25, at + ".MixLayoutList");
        maxSize(p.waterMarkList(), 25, at + ".WaterMarkList");
        if (p.backGroundColor() != null && !COLOR.matcher(p.backGroundColor()).matches()) {
            throw ApiError.outOfRange(at + ".BackGroundColor", "a colour is #RRGGBB");
        }
        oneOf(p.mediaId(), at + ".MediaId", 0, 1);
        imageUrl(p.backgroundImageUrl(), at + ".BackgroundImageUrl");
        imageUrl(p.defaultSubBackgroundImage(), at + ".DefaultSubBackgroundImage");
        oneOf(p.placeHolderMode(), at + ".PlaceHolderMode", 0, 1);
        range(p.backgroundImageRenderMode(), 0, 3, at + ".BackgroundImageRenderMode");
        range(p.renderMode(), 0, 3, at + ".RenderMode");
        oneOf(p.maxResolutionUserAlign(), at + ".MaxResolutionUserAlign", 0, 1);
        List<MixLayout> windows = p.mixLayoutList();
        for (int i = 0; windows != null && i < windows.size(); i++) {
            window(windows.get(i), canvas, at + ".MixLayoutList[" + i + "]");
        }
        List<WaterMark> marks = p.waterMarkList();
        for (int i = 0; marks != null && i < marks.size(); i++) {
            waterMark(marks.get(i), canvas, at + ".WaterMarkList[" + i + "]");
        }
    }

    private static void window(MixLayout w, Canvas canvas, String at) {
        box(w.top(), w.left(), w.width(), w.height(), 1920, canvas, at);
        range(w.alpha(), 0, 255, at + ".Alpha");
        range(w.renderMode(), 0, 3, at + ".RenderMode");
        oneOf(w.mediaId(), at + ".MediaId", 0, 1);
        range(w.imageLayer(), 0, Long.MAX_VALUE, at + ".ImageLayer");
        imageUrl(w.subBackgroundImage(), at + ".SubBackgroundImage");
    }

    private static void waterMark(WaterMark m, Canvas canvas, String at) {
        long type = m.waterMarkType() == null ? 0 : m.waterMarkType();
        oneOf(type, at + ".WaterMarkType", 0, 1, 2);
        if (type == 0) {
            WaterMarkImage image = required(m.waterMarkImage(), "MissingParameter", at + ".WaterMarkImage");
            required(image.waterMarkUrl(), "MissingParameter", at + ".WaterMarkImage.WaterMarkUrl");
            imageUrl(image.waterMarkUrl(), at + ".WaterMarkImage.WaterMarkUrl");
            box(image.top(), image.left(), image.width(), image.height(), 2560, canvas, at + ".WaterMarkImage");
        } else if (type == 1) {
            WaterMarkChar text = required(m.waterMarkChar(), "MissingParameter", at + ".WaterMarkChar");
            required(text.chars(), "MissingParameter", at + ".WaterMarkChar.Chars");
            box(text.top(), text.left(), text.width(), text.height(), 2560, canvas, at + ".WaterMarkChar");
            range(text.fontSize(), 1, 1920, at + ".WaterMarkChar.FontSize");
        } else {
            required(m.waterMarkTimestamp(), "MissingParameter", at + ".WaterMarkTimestamp");
            range(required(m.waterMarkTimestamp().pos(), "MissingParameter", at + ".WaterMarkTimestamp.Pos"),
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
