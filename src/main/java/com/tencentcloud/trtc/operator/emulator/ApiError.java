package com.tencentcloud.trtc.operator.emulator;

/**
 * An answer the emulator gives as a Tencent error envelope: {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}}.
 * Thrown anywhere below the HTTP front and turned into the envelope there.
 */
final class ApiError extends RuntimeException {

    private final String code;

    ApiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** A required common parameter (header) is absent: {@code MissingParameter}. */
    static ApiError missingCommon(String name) {
        return new ApiError("MissingParameter", "The request is missing a required parameter `" + name + "`.");
    }

    /** A required body field is absent: {@code MissingParameter.<Field>} when Tencent defines one, else {@code MissingParameter}. */
    static ApiError missing(String code, String path) {
        return new ApiError(code, "The request is missing a required parameter `" + path + "`.");
    }

    /** A body field is present but outside its documented range or format: {@code InvalidParameter.OutOfRange}. */
    static ApiError outOfRange(String path, String rule) {
        return new ApiError("InvalidParameter.OutOfRange", "The value of `" + path + "` is out of range: " + rule + ".");
    }

    /** The body is not what the action accepts (bad JSON, wrong type, conflicting fields): {@code InvalidParameter}. */
    static ApiError invalid(String message) {
        return new ApiError("InvalidParameter", message);
    }

    /** The task cannot be managed any more (gone, never existed, other app, or outside its window): {@code ResourceNotFound}. */
    static ApiError notFound(String message) {
        return new ApiError("ResourceNotFound", message);
    }
}
