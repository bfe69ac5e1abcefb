/**
 * The concurrency quota (design §11): task slots per SdkAppId and the ordered line of recordings that wait for one.
 * Imports only the API types; the reconciler asks {@link com.tencentcloud.trtc.operator.admission.TaskSlots} before
 * every CreateCloudRecording and tells it what became of each resource.
 */
package com.tencentcloud.trtc.operator.admission;
