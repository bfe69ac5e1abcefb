package com.tencentcloud.trtc.operator.trtc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON conventions of the TRTC wire (trtc-api §1.5): PascalCase names as annotated on the models, unset
 * fields left out, unknown response fields ignored so that a new Tencent field never breaks a running operator.
 */
public final class TrtcJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TrtcJson() {
    }

    /** The shared, thread-safe mapper for TRTC bodies. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
