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

    public TrtcErrorClass errorClass() {
        return errorClass;
    }

    @Override
    public boolean retryable() {
        return errorClass == TrtcErrorClass.TRANSIENT;
    }
}
