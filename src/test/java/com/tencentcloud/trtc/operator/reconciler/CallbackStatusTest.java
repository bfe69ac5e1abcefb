package com.tencentcloud.trtc.operator.reconciler;

import static com.tencentcloud.trtc.operator.reconciler.Recordings.condition;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.callback.CallbackServer;
import com.tencentcloud.trtc.operator.callback.SignedCallbacks;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed callbacks through the receiver into a running operator's status (mock API server, fake TRTC). */
@EnableKubernetesMockClient(crud = true)
class CallbackStatusTest {

    static final String KEY = "cbkey0123456789";
    static final long APP = 1400000001L;
    static final long T0 = 1_700_000_000_000L;

    KubernetesClient client;

    private final FakeTrtcClient trtc = new FakeTrtcClient();
    private OperatorHarness harness;
    private CallbackServer server;

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client);
        harness.credentialsWithCallbackKey(KEY);
        trtc.then("CreateCloudRecording", r -> created("task-1", "req-create-1"));
        trtc.always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(null, "InProgress", null, null, "req-d"));
        harness.start(trtc, OperatorHarness.config(Map.of("TRTC_POLL_INTERVAL", "5s")));
        server = harness.receiveCallbacks();
    }

    @AfterEach
    void tearDown() {
        server.close();
        harness.close();
        assertThat(trtc.unexpectedCalls()).isEmpty();
    }

    @Test
    void aVodRecordingShowsItsFilesAndEndsAtOnceOn302AndLateEventsChangeNothing() throws Exception {
        client.resource(Recordings.load()).create();
        harness.awaitStatus(Recordings.NAME, s -> "task-1".equals(s.getTaskId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.callbacks().target("task-1").isPresent());

        assertThat(post(301, T0, "{\"Status\":0}")).isEqualTo(200);
        assertThat(post(304, T0 + 2_000, "{\"FileList\":[]}")).isEqualTo(200);
        harness.awaitStatus(Recordings.NAME, s -> s.getPhase() == CloudRecordingStatus.Phase.Recording);
        String vod = "{\"Status\":0,\"TencentVod\":{\"UserId\":\"\",\"TrackType\":\"audio_video\",\"MediaId\":\"mix\","
                + "\"FileId\":\"5285890790\",\"VideoUrl\":\"https://1400000001.vod2.example/a/f0.mp4\",\"StartTimeStamp\":1700000000500,"
                + "\"EndTimeStamp\":1700000600000}}";
        assertThat(post(302, T0 + 600_000, "{\"LeaveCode\":99}")).isEqualTo(200);
        assertThat(post(311, T0 + 610_000, vod)).isEqualTo(200);
        assertThat(post(311, T0 + 610_000, vod)).as("TRTC's retry of the same event").isEqualTo(200);
        CloudRecording stopped = harness.awaitStatus(Recordings.NAME, s -> s.getPhase() == CloudRecordingStatus.Phase.Stopped
                && s.getStorageFiles() != null && !s.getStorageFiles().isEmpty());
        assertThat(stopped.getStatus().getStorageFiles()).singleElement().satisfies(f -> {
            assertThat(f.getFileId()).isEqualTo("5285890790");
            assertThat(f.getVideoUrl()).isEqualTo("https://1400000001.vod2.example/a/f0.mp4");
            assertThat(f.getMediaId()).isEqualTo("mix");
            assertThat(f.getBeginTimeStamp()).isEqualTo(1700000000500L);
            assertThat(f.getEndTimeStamp()).isEqualTo(1700000600000L);
        });
        assertThat(condition(stopped, Conditions.READY).getStatus()).isEqualTo("False");
        assertThat(condition(stopped, Conditions.READY).getReason()).isEqualTo("IdleTimeout");

        assertThat(post(307, T0 + 1_000, "{\"FileName\":\"late.m3u8\",\"UserId\":\"\",\"TrackType\":\"audio_video\",\"BeginTimeStamp\":1}"))
                .isEqualTo(200);
        assertThat(post(301, T0 - 1_000, "{\"Status\":0}")).isEqualTo(200);
        assertThat(post(312, T0 + 620_000, "{\"Status\":0}")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.reasons().contains("VodUploadFinished"));
        CloudRecording after = harness.get(Recordings.NAME);
        assertThat(after.getStatus().getPhase()).as("a late 301 or 307 does not move a stopped task back").isEqualTo(CloudRecordingStatus.Phase.Stopped);
        assertThat(after.getStatus().getStorageFiles()).extracting(f -> f.getFileId() != null ? f.getFileId() : f.getFileName())
                .containsExactly("5285890790", "late.m3u8");
        assertThat(harness.reasons()).as("one Event per event, the repeat included")
                .containsOnlyOnce("RecorderStarted", "IdleTimeout", "VodFileCommitted", "VodUploadFinished");
        assertThat(trtc.calls("DescribeCloudRecording")).as("callbacks came before the first Describe was due, and pushed it back")
                .isEmpty();
    }

    private int post(int type, long eventMs, String payload) throws Exception {
        return SignedCallbacks.post(server.port(), KEY, APP, SignedCallbacks.body(type, "task-1", eventMs, payload)).statusCode();
    }
}
