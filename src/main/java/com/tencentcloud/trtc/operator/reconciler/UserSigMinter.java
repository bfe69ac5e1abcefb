package com.tencentcloud.trtc.operator.reconciler;

/** Mints a TLSSigAPIv2 UserSig; in the operator, {@code trtc.UserSig::generate}. */
@FunctionalInterface
public interface UserSigMinter {

    String mint(long sdkAppId, String sdkSecretKey, String userId, long expireSeconds, long nowSeconds);
}
