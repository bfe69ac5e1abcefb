package com.tencentcloud.trtc.operator.mapping;

/**
 * The CloudRecording a callback's TaskId belongs to, with what verifying the callback needs.
 *
 * @param namespace   the resource's namespace
 * @param name        the resource's name
 * @param sdkAppId    {@code spec.sdkAppId}: the callback's {@code SdkAppId} header must equal it
 * @param callbackKey the key the {@code Sign} is checked with ({@code callbackKey} of the credentials Secret, or the
 *                    operator's {@code TRTC_CALLBACK_KEY}); null when none is configured
 */
public record CallbackTarget(String namespace, String name, long sdkAppId, String callbackKey) {

    /** What became of a verified callback handed to the reconciler side. */
    public enum Offer {
        /** Queued; the resource's next reconcile applies it. */
        ACCEPTED,
        /** The same callback was accepted before; nothing more to do. */
        DUPLICATE,
        /** Not taken now (this replica is a standby, or the queue is full): answer so that TRTC sends it again. */
        REFUSED
    }

    @Override
    public String toString() {
        return "CallbackTarget[" + namespace + "/" + name + ", sdkAppId=" + sdkAppId + ", callbackKey="
                + (callbackKey == null ? "none" : "<redacted>") + "]";
    }
}
