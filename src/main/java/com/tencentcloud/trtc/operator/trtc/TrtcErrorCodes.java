package com.tencentcloud.trtc.operator.trtc;

import java.util.Map;

/**
 * The one table that says what each Tencent error code means for a caller (trtc-api §5, design §4).
 *
 * <p>Exact codes are looked up first, then the category before the first dot; an unknown category is
 * {@link TrtcErrorClass#TERMINAL}, so an unrecognised error stops and is reported rather than retried forever.
 */
public final class TrtcErrorCodes {

    private static final Map<String, TrtcErrorClass> EXACT = Map.ofEntries(
            Map.entry("FailedOperation.RestrictedConcurrency", TrtcErrorClass.TRANSIENT),
            Map.entry("FailedOperation.TaskNotExist", TrtcErrorClass.TASK_GONE),
            Map.entry("FailedOperation.TaskFinished", TrtcErrorClass.TASK_GONE),
            Map.entry("ResourceNotFound", TrtcErrorClass.TASK_GONE));

    private static final Map<String, TrtcErrorClass> CATEGORY = Map.ofEntries(
            Map.entry("InternalError", TrtcErrorClass.TRANSIENT),
            Map.entry("RequestLimitExceeded", TrtcErrorClass.TRANSIENT),
            Map.entry("ServiceUnavailable", TrtcErrorClass.TRANSIENT),
            Map.entry("ResourceUnavailable", TrtcErrorClass.TRANSIENT),
            Map.entry("ResourceInsufficient", TrtcErrorClass.TRANSIENT),
            Map.entry("ResourceNotFound", TrtcErrorClass.TASK_GONE));

    private TrtcErrorCodes() {
    }

    public static TrtcErrorClass classify(String code) {
        if (code == null || code.isBlank()) {
            return TrtcErrorClass.TERMINAL;
        }
        TrtcErrorClass exact = EXACT.get(code);
        if (exact != null) {
            return exact;
        }
        int dot = code.indexOf('.');
        String category = dot < 0 ? code : code.substring(0, dot);
        return CATEGORY.getOrDefault(category, TrtcErrorClass.TERMINAL);
    }
}
