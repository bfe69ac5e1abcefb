package com.tencentcloud.trtc.operator.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Small field checks shared by the validators; each throws the documented {@link ApiError}. */
final class Checks {

    static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9_-]+");

    private Checks() {
    }

    static <T> T required(T value, String code, String path) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            throw ApiError.missing(code, path);
        }
        return value;
    }

    static void range(Long value, long min, long max, String path) {
        if (value != null && (value < min || value > max)) {
            throw ApiError.outOfRange(path, "must be between " + min + " and " + max);
        }
    }

    static void oneOf(Long value, String path, long... allowed) {
        if (value == null) {
            return;
        }
        for (long a : allowed) {
            if (a == value) {
                return;
            }
        }
        throw ApiError.outOfRange(path, "must be one of " + java.util.Arrays.toString(allowed));
    }

    static void maxSize(List<?> list, int max, String path) {
        if (list != null && list.size() > max) {
            throw ApiError.outOfRange(path, "at most " + max + " elements");
        }
    }

    static void pattern(String value, Pattern pattern, int maxBytes, String path) {
        if (value != null && (value.getBytes(StandardCharsets.UTF_8).length > maxBytes || !pattern.matcher(value).matches())) {
            throw ApiError.outOfRange(path, "at most " + maxBytes + " bytes matching " + pattern.pattern());
        }
    }
}
