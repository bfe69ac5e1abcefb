package com.tencentcloud.trtc.operator.trtc;

import java.util.Objects;

/**
 * Who makes a TRTC call and where: the API key that signs it, the {@code X-TC-Region} it is sent to, the tenant it
 * is made for, and the rate budget it counts against.
 *
 * @param tenant an opaque key of whom the call is for (the operator passes the resource's namespace); calls that
 *               wait for the {@link TrtcRateLimiter} are served round-robin across tenants. Never sent.
 * @param budget the account whose own rate limit the call counts against, shared by every call signed with the same
 *               SecretId; null for the operator's default budget. Never sent.
 */
public record CallContext(Credentials credentials, String region, String tenant, RateBudget budget) {

    /** Credentials, region and tenant are required. */
    public CallContext {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tenant, "tenant");
    }

    /** A call in the operator's default budget. */
    public CallContext(Credentials credentials, String region, String tenant) {
        this(credentials, region, tenant, null);
    }

    /** A call for the single, unnamed tenant, in the operator's default budget. */
    public CallContext(Credentials credentials, String region) {
        this(credentials, region, "");
    }

    /**
     * A rate budget of its own, as Tencent counts one per account (trtc-api §6.10).
     *
     * @param account   a name for metrics and logs (the TrtcAccount's name), never a key
     * @param perSecond requests per second per action
     */
    public record RateBudget(String account, double perSecond) {

        public RateBudget {
            Objects.requireNonNull(account, "account");
            if (!(perSecond > 0)) {
                throw new IllegalArgumentException("rate must be above 0, got " + perSecond);
            }
        }
    }
}
