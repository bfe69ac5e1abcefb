package com.tencentcloud.trtc.operator.trtc;

import static com.tencentcloud.trtc.operator.trtc.TrtcErrorClass.TASK_GONE;
import static com.tencentcloud.trtc.operator.trtc.TrtcErrorClass.TERMINAL;
import static com.tencentcloud.trtc.operator.trtc.TrtcErrorClass.TRANSIENT;

import java.util.Map;

/**
 * The one table that says what each Tencent error code means for a caller (trtc-api §5, design §4).
 *
 * <p>{@link #classify(String)} looks the exact code up first (every code of trtc-api §5.1 and §5.2, and the
 * undocumented TRTC codes listed there), then the category before the first dot; an unknown category, a
 * blank code and {@code null} are {@link TrtcErrorClass#TERMINAL}, so an unrecognised error stops and is
 * reported rather than retried forever.
 *
 * <p>Decisions where the sources leave a choice:
 * <ul>
 *   <li>{@code AuthFailure.SignatureExpire} is {@link TrtcErrorClass#TERMINAL}. The request was refused before
 *       it was carried out, and every call is re-signed with a fresh {@code X-TC-Timestamp}, so the error means
 *       the operator's clock is more than 5 minutes away from Tencent's: retrying the same request cannot help
 *       until the host clock is fixed, and a backoff loop would only hide that. Reported as Stalled with this
 *       code, it names the cause; once the clock is right, the next reconcile signs afresh and succeeds.</li>
 *   <li>Plain {@code FailedOperation} (sources: "depends") is {@link TrtcErrorClass#TERMINAL}: nothing says a
 *       retry helps, so it is surfaced with Tencent's message instead of being retried blindly.</li>
 *   <li>{@code FailedOperation.TaskExist} is {@link TrtcErrorClass#TERMINAL}: a task is already running for this
 *       robot, and starting another must not be attempted automatically.</li>
 *   <li>{@code ResourceInUse} (sources: "depends") is {@link TrtcErrorClass#TRANSIENT}: the resource is busy
 *       now, the request is not wrong; retries are bounded by the caller's backoff.</li>
 *   <li>{@code LimitExceeded.ConcurrencyLimit} is {@link TrtcErrorClass#TRANSIENT} like
 *       {@code FailedOperation.RestrictedConcurrency}: slots free up when other tasks end. Plain
 *       {@code LimitExceeded} (a quota) stays terminal until the quota changes.</li>
 *   <li>{@code ResourceNotFound}, {@code FailedOperation.TaskNotExist} and {@code FailedOperation.TaskFinished}
 *       are {@link TrtcErrorClass#TASK_GONE}: the task ended, was replaced, or its management window is over.</li>
 *   <li>{@code DryRunOperation} is terminal; this client never sets DryRun.</li>
 * </ul>
 */
public final class TrtcErrorCodes {

    private static final Map<String, TrtcErrorClass> EXACT = Map.ofEntries(
            // trtc-api §5.1, common to all API 3.0 actions
            Map.entry("ActionOffline", TERMINAL),
            Map.entry("AuthFailure.InvalidAuthorization", TERMINAL),
            Map.entry("AuthFailure.InvalidSecretId", TERMINAL),
            Map.entry("AuthFailure.MFAFailure", TERMINAL),
            Map.entry("AuthFailure.SecretIdNotFound", TERMINAL),
            Map.entry("AuthFailure.SignatureExpire", TERMINAL),
            Map.entry("AuthFailure.SignatureFailure", TERMINAL),
            Map.entry("AuthFailure.TokenFailure", TERMINAL),
            Map.entry("AuthFailure.UnauthorizedOperation", TERMINAL),
            Map.entry("DryRunOperation", TERMINAL),
            Map.entry("FailedOperation", TERMINAL),
            Map.entry("InternalError", TRANSIENT),
            Map.entry("InvalidAction", TERMINAL),
            Map.entry("InvalidParameter", TERMINAL),
            Map.entry("InvalidParameterValue", TERMINAL),
            Map.entry("InvalidRequest", TERMINAL),
            Map.entry("IpInBlacklist", TERMINAL),
            Map.entry("IpNotInWhitelist", TERMINAL),
            Map.entry("LimitExceeded", TERMINAL),
            Map.entry("MissingParameter", TERMINAL),
            Map.entry("NoSuchProduct", TERMINAL),
            Map.entry("NoSuchVersion", TERMINAL),
            Map.entry("RequestLimitExceeded", TRANSIENT),
            Map.entry("RequestLimitExceeded.GlobalRegionUinLimitExceeded", TRANSIENT),
            Map.entry("RequestLimitExceeded.IPLimitExceeded", TRANSIENT),
            Map.entry("RequestLimitExceeded.UinLimitExceeded", TRANSIENT),
            Map.entry("RequestSizeLimitExceeded", TERMINAL),
            Map.entry("ResourceInUse", TRANSIENT),
            Map.entry("ResourceInsufficient", TRANSIENT),
            Map.entry("ResourceNotFound", TASK_GONE),
            Map.entry("ResourceUnavailable", TRANSIENT),
            Map.entry("ResponseSizeLimitExceeded", TERMINAL),
            Map.entry("ServiceUnavailable", TRANSIENT),
            Map.entry("UnauthorizedOperation", TERMINAL),
            Map.entry("UnknownParameter", TERMINAL),
            Map.entry("UnsupportedOperation", TERMINAL),
            Map.entry("UnsupportedProtocol", TERMINAL),
            Map.entry("UnsupportedRegion", TERMINAL),
            // trtc-api §5.2, documented for the recording actions
            Map.entry("AuthFailure", TERMINAL),
            Map.entry("AuthFailure.UnRealNameAuthenticated", TERMINAL),
            Map.entry("AuthFailure.UnsupportedOperation", TERMINAL),
            Map.entry("FailedOperation.CRUnsupportMethod", TERMINAL),
            Map.entry("FailedOperation.RestrictedConcurrency", TRANSIENT),
            Map.entry("InternalError.CRInternalError", TRANSIENT),
            Map.entry("InvalidParameter.OutOfRange", TERMINAL),
            Map.entry("InvalidParameter.SdkAppId", TERMINAL),
            Map.entry("MissingParameter.AccessKey", TERMINAL),
            Map.entry("MissingParameter.Bucket", TERMINAL),
            Map.entry("MissingParameter.CloudStorage", TERMINAL),
            Map.entry("MissingParameter.RecordMode", TERMINAL),
            Map.entry("MissingParameter.RecordParams", TERMINAL),
            Map.entry("MissingParameter.Region", TERMINAL),
            Map.entry("MissingParameter.RoomId", TERMINAL),
            Map.entry("MissingParameter.SdkAppId", TERMINAL),
            Map.entry("MissingParameter.SecretKey", TERMINAL),
            Map.entry("MissingParameter.StorageParams", TERMINAL),
            Map.entry("MissingParameter.StreamType", TERMINAL),
            Map.entry("MissingParameter.TaskId", TERMINAL),
            Map.entry("MissingParameter.UserId", TERMINAL),
            Map.entry("MissingParameter.UserSig", TERMINAL),
            Map.entry("MissingParameter.Vendor", TERMINAL),
            // trtc-api §5.2, in the TRTC enum but not documented for the recording actions
            Map.entry("FailedOperation.TaskExist", TERMINAL),
            Map.entry("FailedOperation.TaskNotExist", TASK_GONE),
            Map.entry("FailedOperation.TaskFinished", TASK_GONE),
            Map.entry("InvalidParameter.TaskId", TERMINAL),
            Map.entry("InvalidParameter.UserSig", TERMINAL),
            Map.entry("InvalidParameter.RoomId", TERMINAL),
            Map.entry("InvalidParameter.UserId", TERMINAL),
            Map.entry("InvalidParameter.RecordAudioOnly", TERMINAL),
            Map.entry("UnauthorizedOperation.SdkAppId", TERMINAL),
            Map.entry("LimitExceeded.ConcurrencyLimit", TRANSIENT),
            Map.entry("UnsupportedOperation.TaskLimit", TERMINAL),
            Map.entry("ResourceInsufficient.RequestRejection", TRANSIENT),
            Map.entry("InternalError.InternalError", TRANSIENT));

    private static final Map<String, TrtcErrorClass> CATEGORY = Map.ofEntries(
            Map.entry("InternalError", TRANSIENT),
            Map.entry("RequestLimitExceeded", TRANSIENT),
            Map.entry("ServiceUnavailable", TRANSIENT),
            Map.entry("ResourceUnavailable", TRANSIENT),
            Map.entry("ResourceInsufficient", TRANSIENT),
            Map.entry("ResourceInUse", TRANSIENT),
            Map.entry("ResourceNotFound", TASK_GONE),
            Map.entry("AuthFailure", TERMINAL),
            Map.entry("FailedOperation", TERMINAL),
            Map.entry("InvalidParameter", TERMINAL),
            Map.entry("InvalidParameterValue", TERMINAL),
            Map.entry("LimitExceeded", TERMINAL),
            Map.entry("MissingParameter", TERMINAL),
            Map.entry("UnauthorizedOperation", TERMINAL),
            Map.entry("UnknownParameter", TERMINAL),
            Map.entry("UnsupportedOperation", TERMINAL));

    private TrtcErrorCodes() {
    }

    /** What {@code code} (Tencent's {@code Error.Code}) means for the caller; {@code null} is terminal. */
    public static TrtcErrorClass classify(String code) {
        if (code == null || code.isBlank()) {
            return TERMINAL;
        }
        TrtcErrorClass exact = EXACT.get(code);
        if (exact != null) {
            return exact;
        }
        int dot = code.indexOf('.');
        String category = dot < 0 ? code : code.substring(0, dot);
        return CATEGORY.getOrDefault(category, TERMINAL);
    }

    /** Every code of the table with its class, for documentation and tests; unmodifiable. */
    public static Map<String, TrtcErrorClass> knownCodes() {
        return EXACT;
    }
}
