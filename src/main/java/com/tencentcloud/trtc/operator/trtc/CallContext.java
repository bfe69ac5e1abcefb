package com.tencentcloud.trtc.operator.trtc;

import java.util.Objects;

/**
 * Who makes a TRTC call and where: the API key that signs it, the {@code X-TC-Region} it is sent to, and the
 * tenant it is made for.
 *
 * @param tenant an opaque key of whom the call is for (the operator passes the resource's namespace); calls that
 *               wait for the {@link TrtcRateLimiter} are served round-robin across tenants. Never sent.
 */
public record CallContext(Credentials credentials, String region, String tenant) {

    /** All values are required. */
    public CallContext {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tenant, "tenant");
    }

    /** A call for the single, unnamed tenant. */
    public CallContext(Credentials credentials, String region) {
        this(credentials, region, "");
    }
}
