package com.tencentcloud.trtc.operator.emulator;

import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.MixLayoutParams;
import com.tencentcloud.trtc.operator.trtc.model.StorageFile;
import com.tencentcloud.trtc.operator.trtc.model.SubscribeStreamUserIds;
import java.time.Instant;
import java.util.List;

/**
 * A copy of one emulated task as it is at the moment of the call; changing it changes nothing in the emulator.
 *
 * @param taskId                 the TaskId CreateCloudRecording returned
 * @param secretId               the SecretId that created it
 * @param request                the CreateCloudRecording body as received
 * @param state                  the state now (GONE tasks are kept so tests can see how they ended)
 * @param createdAt              when Create succeeded, by the emulator clock
 * @param managementWindowEnd    createdAt + ResourceExpiredHour (scaled hours); Describe/Modify/Delete are refused from then on
 * @param exitedAt               when the task exited, null while live
 * @param exitReason             why it exited, null while live
 * @param mixLayoutParams        the layout now in force (Create's, or the last Modify's)
 * @param subscribeStreamUserIds the subscription now in force (RecordParams', or the last Modify's)
 * @param modifyCount            how many ModifyCloudRecording calls succeeded
 * @param storageFiles           what DescribeCloudRecording reports as StorageFileList
 */
public record TaskSnapshot(String taskId, String secretId, long sdkAppId, String roomId, int roomIdType, String userId,
                           CreateCloudRecordingRequest request, TaskState state, Instant createdAt,
                           Instant managementWindowEnd, Instant exitedAt, ExitReason exitReason,
                           MixLayoutParams mixLayoutParams, SubscribeStreamUserIds subscribeStreamUserIds,
                           int modifyCount, List<StorageFile> storageFiles) {
}
