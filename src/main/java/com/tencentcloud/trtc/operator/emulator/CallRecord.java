package com.tencentcloud.trtc.operator.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One API call the emulator received.
 *
 * @param action    the {@code X-TC-Action} value, null when absent
 * @param outcome   {@code OK}, the error code answered, {@code HTTP <status>}, or {@code DROPPED} (committed, no answer)
 * @param requestId the RequestId answered (also for drops, for the log)
 * @param secretId  the SecretId that signed it, null when verification failed before it was known
 * @param latency   time spent handling it, injected latency included
 */
public record CallRecord(Instant at, String action, String outcome, String requestId, String secretId, Duration latency) {
}
