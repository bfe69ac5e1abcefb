package com.tencentcloud.trtc.operator.trtc;

import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;
import java.time.Duration;

/**
 * The four TRTC on-cloud recording actions (API version {@code 2019-07-22}).
 *
 * <p>Each method makes exactly one signed HTTP call and either returns the parsed {@code Response} or throws:
 * <ul>
 *   <li>{@link TrtcApiException} when Tencent answered with an {@code Error} envelope (code, message,
 *       RequestId and whether retrying can help);</li>
 *   <li>{@link TrtcTransportException} when no envelope came back (connection refused, timeout, HTTP status
 *       other than 200, unparsable body); {@link TrtcTransportException#outcomeUnknown()} tells whether the
 *       request may have been carried out.</li>
 * </ul>
 * Implementations are thread-safe; they never retry on their own, so the caller decides what a retry means
 * (for {@code CreateCloudRecording}, a retry can start a second task).
 */
public interface TrtcClient {

    /**
     * Starts a recording task. Not idempotent: a second call starts a second task (or, with the same robot
     * UserId in the same room, replaces the first), so the caller must guard against repeating it.
     *
     * @return the new {@code TaskId} and the {@code RequestId}
     */
    CreateCloudRecordingResponse createCloudRecording(CallContext call, CreateCloudRecordingRequest request);

    /** Reads a running task's status and index files ({@code StorageFileList} may be null or empty). */
    DescribeCloudRecordingResponse describeCloudRecording(CallContext call, DescribeCloudRecordingRequest request);

    /** Replaces a running task's layout and/or subscription lists wholesale (not a patch). */
    ModifyCloudRecordingResponse modifyCloudRecording(CallContext call, ModifyCloudRecordingRequest request);

    /** Stops a task; uploads may continue after it returns. A task that is already gone gives a TASK_GONE error. */
    DeleteCloudRecordingResponse deleteCloudRecording(CallContext call, DeleteCloudRecordingRequest request);

    /**
     * How long a call of {@code action} (e.g. {@link HttpTrtcClient#DESCRIBE}) made now would wait behind others
     * for the rate limit, at least; zero when nobody waits or the client has no limiter. A caller whose call can
     * just as well come later, a poll, uses it to give its thread to calls that cannot.
     */
    default Duration expectedWait(String action) {
        return Duration.ZERO;
    }

    /** {@link #expectedWait(String)} for a call made with {@code call}: the wait at that call's own account's limiter. */
    default Duration expectedWait(CallContext call, String action) {
        return expectedWait(action);
    }
}
