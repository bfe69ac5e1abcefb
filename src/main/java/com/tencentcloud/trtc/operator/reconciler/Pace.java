package com.tencentcloud.trtc.operator.reconciler;

import java.util.Objects;

/**
 * The rate budget a resource's TRTC calls count against, keyed as the limiters key theirs (one per account's
 * SecretId, one for every call without an account): what {@link NamespaceShare} and {@link PollBudget} pace by, so
 * that two accounts drain and poll in parallel, each at its own rate (design §12).
 *
 * @param key       the account's SecretId, or {@link #DEFAULT_KEY} for the operator's default budget
 * @param perSecond the budget's requests per second per action, above 0
 */
record Pace(String key, double perSecond) {

    /** The key of the operator's default budget: calls signed without an account's budget. */
    static final String DEFAULT_KEY = "";

    Pace {
        Objects.requireNonNull(key, "key");
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be above 0, got " + perSecond);
        }
    }

    /** The operator's default budget, at {@code TRTC_RATE_LIMIT}. */
    static Pace byDefault(double perSecond) {
        return new Pace(DEFAULT_KEY, perSecond);
    }
}
