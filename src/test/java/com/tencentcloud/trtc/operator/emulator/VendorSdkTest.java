package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.trtc.v20190722.TrtcClient;
import com.tencentcloudapi.trtc.v20190722.models.CreateCloudRecordingRequest;
import com.tencentcloudapi.trtc.v20190722.models.CreateCloudRecordingResponse;
import com.tencentcloudapi.trtc.v20190722.models.DeleteCloudRecordingRequest;
import com.tencentcloudapi.trtc.v20190722.models.DeleteCloudRecordingResponse;
import com.tencentcloudapi.trtc.v20190722.models.DescribeCloudRecordingRequest;
import com.tencentcloudapi.trtc.v20190722.models.DescribeCloudRecordingResponse;
import com.tencentcloudapi.trtc.v20190722.models.MixLayoutParams;
import com.tencentcloudapi.trtc.v20190722.models.ModifyCloudRecordingRequest;
import com.tencentcloudapi.trtc.v20190722.models.ModifyCloudRecordingResponse;
import com.tencentcloudapi.trtc.v20190722.models.SubscribeStreamUserIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vendor's own Java SDK is the oracle: it signs, sends and parses exactly as it does against Tencent. It keeps
 * its real endpoint (so it signs host {@code trtc.tencentcloudapi.com} and service {@code trtc}) over plain HTTP,
 * and reaches the emulator as its HTTP proxy. It signs with the real time, which the frozen test clock starts at.
 */
class VendorSdkTest extends EmulatorFixture {

    private static final long APP = 1400000001L;

    private TrtcClient sdk(String secretId, String secretKey) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("trtc.tencentcloudapi.com");
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setProxyHost("127.0.0.1");
        http.setProxyPort(emulator.port());
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new TrtcClient(new Credential(secretId, secretKey), "ap-guangzhou", profile);
    }

    private TrtcClient sdk() {
        return sdk(KEY.secretId(), KEY.secretKey());
    }

    private static CreateCloudRecordingRequest createRequest() {
        return AbstractModel.fromJsonString(fixture("create-cos-single.json").toString(), CreateCloudRecordingRequest.class);
    }

    private static DescribeCloudRecordingRequest describeRequest(String taskId) {
        DescribeCloudRecordingRequest request = new DescribeCloudRecordingRequest();
        request.setSdkAppId(APP);
        request.setTaskId(taskId);
        return request;
    }

    @Test
    void theSdkDrivesAllFourActions() throws TencentCloudSDKException {
        TrtcClient sdk = sdk();

        CreateCloudRecordingResponse created = sdk.CreateCloudRecording(createRequest());
        String taskId = created.getTaskId();
        assertThat(taskId).isNotBlank();
        assertThat(created.getRequestId()).isNotBlank();

        emulator.anchorJoins(APP, "1234", 1, "alice");
        DescribeCloudRecordingResponse described = sdk.DescribeCloudRecording(describeRequest(taskId));
        assertThat(described.getTaskId()).isEqualTo(taskId);
        assertThat(described.getStatus()).isEqualTo("InProgress");
        assertThat(described.getStorageFileList()).extracting(f -> f.getFileName()).containsExactly(
                "team/daily/" + taskId + "/1400000001_1234__UserId_s_YWxpY2U.__UserId_e_main_audio.m3u8",
                "team/daily/" + taskId + "/1400000001_1234__UserId_s_YWxpY2U.__UserId_e_main_video.m3u8");
        assertThat(described.getStorageFileList()[0].getBeginTimeStamp()).isEqualTo(clock.millis());

        ModifyCloudRecordingRequest modify = new ModifyCloudRecordingRequest();
        modify.setSdkAppId(APP);
        modify.setTaskId(taskId);
        SubscribeStreamUserIds subscription = new SubscribeStreamUserIds();
        subscription.setSubscribeAudioUserIds(new String[] {"alice", "bob"});
        modify.setSubscribeStreamUserIds(subscription);
        MixLayoutParams layout = new MixLayoutParams();
        layout.setMixLayoutMode(3L);
        modify.setMixLayoutParams(layout);
        ModifyCloudRecordingResponse modified = sdk.ModifyCloudRecording(modify);
        assertThat(modified.getTaskId()).isEqualTo(taskId);
        assertThat(emulator.task(taskId).orElseThrow().subscribeStreamUserIds().subscribeAudioUserIds())
                .containsExactly("alice", "bob");

        DeleteCloudRecordingRequest delete = new DeleteCloudRecordingRequest();
        delete.setSdkAppId(APP);
        delete.setTaskId(taskId);
        DeleteCloudRecordingResponse deleted = sdk.DeleteCloudRecording(delete);
        assertThat(deleted.getTaskId()).isEqualTo(taskId);
        assertThat(sdk.DescribeCloudRecording(describeRequest(taskId)).getStatus()).isEqualTo("Exited");

        assertThat(emulator.callCount(Action.CREATE)).isEqualTo(1);
        assertThat(emulator.callCount(Action.DESCRIBE)).isEqualTo(2);
        assertThat(emulator.callCount(Action.MODIFY)).isEqualTo(1);
        assertThat(emulator.callCount(Action.DELETE)).isEqualTo(1);
    }

    @Test
    void aWrongKeyIsSignatureFailureAndAnUnknownIdIsSecretIdNotFound() {
        TencentCloudSDKException wrongKey = catchThrowableOfType(TencentCloudSDKException.class,
                () -> sdk(KEY.secretId(), "wrong-secret-key").CreateCloudRecording(createRequest()));
        assertThat(wrongKey.getErrorCode()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(wrongKey.getRequestId()).isNotBlank();

        TencentCloudSDKException unknownId = catchThrowableOfType(TencentCloudSDKException.class,
                () -> sdk("AKIDunknown0000000000000000000000000", KEY.secretKey()).CreateCloudRecording(createRequest()));
        assertThat(unknownId.getErrorCode()).isEqualTo("AuthFailure.SecretIdNotFound");
        assertThat(emulator.tasks()).isEmpty();
    }

    @Test
    void aMissingParameterGetsItsDocumentedCode() {
        CreateCloudRecordingRequest request = createRequest();
        request.setUserSig(null);

        TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class,
                () -> sdk().CreateCloudRecording(request));

        assertThat(e.getErrorCode()).isEqualTo("MissingParameter.UserSig");
        assertThat(e.getMessage()).contains("UserSig");
    }

    @Test
    void aBurstOverTwentyCallsPerSecondIsRequestLimitExceeded() {
        TrtcClient sdk = sdk();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            try {
                sdk.DescribeCloudRecording(describeRequest("no-such-task"));
                codes.add("OK");
            } catch (TencentCloudSDKException e) {
                codes.add(e.getErrorCode());
            }
        }

        assertThat(codes.subList(0, 20)).containsOnly("ResourceNotFound");
        assertThat(codes.subList(20, 25)).containsOnly("RequestLimitExceeded");
    }

    @Test
    void anInjectedHttp5xxIsATransportErrorForTheSdk() {
        emulator.faults().inject(Action.CREATE, Fault.httpStatus(502).times(1));

        TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class,
                () -> sdk().CreateCloudRecording(createRequest()));

        assertThat(e.getErrorCode()).isEqualTo("ServerSideError");
        assertThat(e.getMessage()).contains("502");
    }
}
