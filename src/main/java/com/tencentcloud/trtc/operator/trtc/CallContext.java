package com.tencentcloud.trtc.operator.trtc;

import java.util.Objects;

/**
 * Who makes a TRTC call and where: the API key that signs it and the {@code X-TC-Region} it is sent to.
 */
public record CallContext(Credentials credentials, String region) {

    /** Both values are required. */
    public CallContext {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
    }
}
