package com.tencentcloud.trtc.operator.trtc;

/**
 * Tencent answered with an error envelope: {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}}.
 *
 * <p>{@link #errorClass()} is decided by {@link TrtcErrorCodes#classify(String)} from the code alone.
 */
public final class TrtcApiException extends TrtcException {

    private final String action;
    private final String code;
    private final String tencentMessage;
    private final String requestId;
    private final TrtcErrorClass errorClass;

    /**
     * @param action         the TRTC action, such as {@code CreateCloudRecording}
     * @param code           Tencent's {@code Error.Code}
     * @param tencentMessage Tencent's {@code Error.Message}, with any secret of the call already removed
     * @param requestId      Tencent's {@code RequestId}, or null when the envelope had none
     */
    public TrtcApiException(String action, String code, String tencentMessage, String requestId) {
        super(action + " failed: " + code + ": " + tencentMessage + " (RequestId " + requestId + ")", null);
        this.action = action;
        this.code = code;
        this.tencentMessage = tencentMessage;
        this.requestId = requestId;
        this.errorClass = TrtcErrorCodes.classify(code);
    }

    @Override
    public String action() {
        return action;
    }

    /** Tencent's {@code Error.Code}, such as {@code InvalidParameter.OutOfRange}. */
    public String code() {
        return code;
    }

    /** Tencent's {@code Error.Message}, for people; never parsed. */
    public String tencentMessage() {
        return tencentMessage;
    }

    /** The {@code RequestId} Tencent gave this request, for support tickets. */
    public String requestId() {
        return requestId;
    }

    /** What the code means for the caller: terminal, transient, or task gone. */
    public TrtcErrorClass errorClass() {
        return errorClass;
    }

    /** True only for {@link TrtcErrorClass#TRANSIENT} codes. */
    @Override
    public boolean retryable() {
        return errorClass == TrtcErrorClass.TRANSIENT;
    }
}
