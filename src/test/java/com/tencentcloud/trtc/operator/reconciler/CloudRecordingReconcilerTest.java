package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.condition;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.created;
import static com.tencentcloud.trtc.operator.reconciler.Recordings.load;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.DeletionPolicy;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.RecorderIds;
import com.tencentcloud.trtc.operator.trtc.TrtcApiException;
import com.tencentcloud.trtc.operator.trtc.TrtcTransportException;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@EnableKubernetesMockClient(crud = true)
class CloudRecordingReconcilerTest {

    static final String SECRET_ID = Recordings.SECRET_ID;
    static final String SECRET_KEY = Recordings.SECRET_KEY;
    static final String SDK_SECRET_KEY = Recordings.SDK_SECRET_KEY;
    static final String TOKEN = Recordings.TOKEN;
    static final List<String> SECRET_VALUES = Recordings.SECRET_VALUES;

    KubernetesClient client;

    private final FakeTrtcClient trtc = new FakeTrtcClient();
    private OperatorHarness harness;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() throws Exception {
        OperatorHarness.installCrd(client);
        harness = new OperatorHarness(client);
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        harness.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        assertThat(trtc.unexpectedCalls()).as("unscripted TRTC calls").isEmpty();
    }

    @Test
    void appliedRecordingIsCreatedOnceAndStatusShowsTaskWindowAndConditions() {
        credentials();
        trtc.then("CreateCloudRecording", r -> created("task-1", "req-create-1"));
        harness.start(trtc, config());
        CloudRecording applied = apply();

        awaitStatus(s -> "task-1".equals(s.getTaskId()));
        CloudRecording r = await().until(() -> harness.get("weekly-allhands"), cr -> cr.getMetadata().getAnnotations().containsKey(CloudRecording.ANNOTATION_TASK_ID));
        CloudRecordingStatus s = r.getStatus();
        String expectedRobot = RecorderIds.derive("media", "weekly-allhands", applied.getMetadata().getUid());
        assertThat(s.getPhase()).isEqualTo(CloudRecordingStatus.Phase.Idle);
        assertThat(s.getRecorderUserId()).isEqualTo(expectedRobot).hasSizeLessThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
        assertThat(s.getLastRequestId()).isEqualTo("req-create-1");
        assertThat(s.getObservedGeneration()).isEqualTo(r.getMetadata().getGeneration());
        assertThat(Duration.between(Instant.parse(s.getCreatedAt()), Instant.parse(s.getExpiresAt()))).isEqualTo(Duration.ofHours(72));
        assertThat(condition(r, Conditions.READY)).extracting(Condition::getStatus, Condition::getReason).containsExactly("True", "Idle");
        assertThat(condition(r, Conditions.SYNCED)).extracting(Condition::getStatus, Condition::getReason).containsExactly("True", "ReconcileSuccess");
        assertThat(condition(r, Conditions.STALLED).getStatus()).isEqualTo("False");
        assertThat(s.getConditions()).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(1L));
        assertThat(r.getMetadata().getAnnotations()).containsEntry(CloudRecording.ANNOTATION_TASK_ID, "task-1")
                .doesNotContainKey(CloudRecording.ANNOTATION_CREATE_PENDING);
        assertThat(r.getMetadata().getFinalizers()).containsExactly(CloudRecording.FINALIZER);

        FakeTrtcClient.Call call = trtc.calls("CreateCloudRecording").get(0);
        CreateCloudRecordingRequest request = (CreateCloudRecordingRequest) call.request();
        assertThat(call.context().region()).isEqualTo("ap-guangzhou");
        assertThat(call.context().credentials().secretId()).isEqualTo(SECRET_ID);
        assertThat(call.context().credentials().token()).isEqualTo(TOKEN);
        assertThat(request.sdkAppId()).isEqualTo(1400000001L);
        assertThat(request.roomId()).isEqualTo("3560");
        assertThat(request.userId()).isEqualTo(expectedRobot);
        assertThat(request.userSig()).isEqualTo("minted-usersig-" + expectedRobot + "-" + (72 + 24) * 3600);
        await().untilAsserted(() -> assertThat(reasons()).contains("Created"));
        assertThat(trtc.calls()).hasSize(1);
    }

    @Test
    void aCreateThatCanGoAtOnceIsPrecededOnlyByItsPendingMarkAndItsStatusGoesStraightToIdle() {
        AtomicReference<CloudRecording> atCreate = appliedSeeingTheStoredResourceAtItsCreate();

        CloudRecording r = awaitStatus(s -> "task-1".equals(s.getTaskId()));
        assertThat(atCreate.get().getMetadata().getAnnotations()).containsKey(CloudRecording.ANNOTATION_CREATE_PENDING);
        assertThat(atCreate.get().getMetadata().getFinalizers()).containsExactly(CloudRecording.FINALIZER);
        assertThat(atCreate.get().getStatus()).as("no status write before a Create that waits for nothing").isNull();
        assertThat(r.getStatus().getPhase()).isEqualTo(CloudRecordingStatus.Phase.Idle);
        assertThat(r.getStatus().getRecorderUserId()).isNotBlank();
    }

    @Test
    void aCreateThatWaitsAtTheRateLimiterShowsCreatingWhileItWaits() {
        trtc.queueing(action -> "CreateCloudRecording".equals(action) ? Duration.ofSeconds(3) : Duration.ZERO);
        AtomicReference<CloudRecording> atCreate = appliedSeeingTheStoredResourceAtItsCreate();

        awaitStatus(s -> "task-1".equals(s.getTaskId()));
        CloudRecordingStatus before = atCreate.get().getStatus();
        assertThat(before.getPhase()).isEqualTo(CloudRecordingStatus.Phase.Creating);
        assertThat(condition(before, Conditions.READY)).extracting(Condition::getReason, Condition::getMessage)
                .containsExactly("Creating", "Starting the recording task");
    }

    /** Applies the recording with its Create answered task-1; the reference holds the stored resource as that Create saw it. */
    private AtomicReference<CloudRecording> appliedSeeingTheStoredResourceAtItsCreate() {
        credentials();
        AtomicReference<CloudRecording> atCreate = new AtomicReference<>();
        trtc.then("CreateCloudRecording", r -> {
            atCreate.set(harness.get("weekly-allhands"));
            return created("task-1", "req-create-1");
        });
        harness.start(trtc, config());
        apply();
        return atCreate;
    }

    @Test
    void aTransientCreateErrorWithNoCreatingWrittenBeforeStillShowsPhaseCreatingWithTheError() throws Exception {
        credentials();
        CountDownLatch seen = new CountDownLatch(1);
        trtc.then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "InternalError", "backend busy", "req-err-1"))
                .then("CreateCloudRecording", r -> {
                    try {
                        seen.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return created("task-1", "req-create-1");
                });
        harness.start(trtc, config());
        apply();

        CloudRecording failed = awaitStatus(s -> "ReconcileError".equals(condition(s, Conditions.SYNCED).getReason()));
        seen.countDown();
        assertThat(failed.getStatus().getPhase()).isEqualTo(CloudRecordingStatus.Phase.Creating);
        assertThat(condition(failed, Conditions.SYNCED).getMessage()).contains("InternalError");
        assertThat(failed.getStatus().getRecorderUserId()).isNotBlank();
        awaitStatus(s -> "task-1".equals(s.getTaskId()));
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(2);
    }

    @Test
    void restartedOperatorDescribesTheTaskInsteadOfCreatingAgain() {
        credentials();
        trtc.then("CreateCloudRecording", r -> created("task-1", "req-1"));
        harness.start(trtc, config());
        apply();
        awaitStatus(s -> "task-1".equals(s.getTaskId()));
        harness.stop();

        trtc.always("DescribeCloudRecording", r -> new DescribeCloudRecordingResponse(
                "task-1", "InProgress", null, null, "req-describe"));
        harness.start(trtc, config());

        CloudRecording r = awaitStatus(s -> s.getPhase() == CloudRecordingStatus.Phase.Recording);
        assertThat(r.getStatus().getRecorderStatus()).isEqualTo("InProgress");
        assertThat(condition(r, Conditions.READY).getReason()).isEqualTo("Recording");
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
    }

    @Test
    void createIsNotRepeatedWhenStatusWriteFails() {
        credentials();
        trtc.then("CreateCloudRecording", r -> created("task-1", "req-1"));
        AtomicInteger failures = new AtomicInteger();
        harness.start(trtc, config(), c -> new FailingStatusWriter(new KubernetesResourceWriter(c),
                status -> "task-1".equals(status.getTaskId()) && failures.getAndIncrement() == 0));
        apply();

        awaitStatus(s -> "task-1".equals(s.getTaskId()));
        assertThat(failures.get()).isGreaterThanOrEqualTo(2);
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
    }

    @Test
    void terminalErrorStallsWithCodeAndRequestIdAndIsNotRetriedUntilTheSecretChanges() throws Exception {
        credentials();
        trtc.then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "InvalidParameter.SdkAppId",
                "SdkAppId is incorrect", "req-bad-app"));
        harness.start(trtc, config());
        apply();

        CloudRecording r = awaitStatus(s -> Conditions.isTrue(s.getConditions(), Conditions.STALLED));
        Condition stalled = condition(r, Conditions.STALLED);
        assertThat(stalled.getReason()).isEqualTo("InvalidParameter.SdkAppId");
        assertThat(stalled.getMessage()).contains("SdkAppId is incorrect").contains("req-bad-app");
        assertThat(r.getStatus().getPhase()).isEqualTo(CloudRecordingStatus.Phase.Failed);
        assertThat(condition(r, Conditions.SYNCED)).extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("False", "ReconcileError");
        assertThat(r.getMetadata().getAnnotations()).doesNotContainKey(CloudRecording.ANNOTATION_CREATE_PENDING);
        Thread.sleep(1500);
        assertThat(trtc.calls()).hasSize(1);

        trtc.then("CreateCloudRecording", req -> created("task-2", "req-2"));
        credentials(Map.of("secretId", SECRET_ID, "secretKey", SECRET_KEY, "sdkSecretKey", SDK_SECRET_KEY, "token", TOKEN, "rotated", "1"));
        r = awaitStatus(s -> "task-2".equals(s.getTaskId()));
        assertThat(condition(r, Conditions.STALLED).getStatus()).isEqualTo("False");
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(2);
    }

    @Test
    void transientErrorIsRetriedWithBackoffThenSucceeds() {
        credentials();
        trtc.then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "InternalError.CRInternalError",
                        "internal error", "req-500"))
                .then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "RequestLimitExceeded",
                        "too many requests", "req-429"))
                .then("CreateCloudRecording", r -> created("task-3", "req-3"));
        harness.start(trtc, config());
        apply();

        CloudRecording r = awaitStatus(s -> "task-3".equals(s.getTaskId()));
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(3);
        assertThat(condition(r, Conditions.SYNCED).getStatus()).isEqualTo("True");
        assertThat(condition(r, Conditions.STALLED).getStatus()).isEqualTo("False");
        await().untilAsserted(() -> assertThat(reasons()).contains("RetryingAfterError", "Created"));
    }

    @Test
    void unknownCreateOutcomeIsRetriedWithTheSameRobotAndAWarning() {
        credentials();
        trtc.then("CreateCloudRecording", r -> new TrtcTransportException("CreateCloudRecording", "read timed out", true, null))
                .then("CreateCloudRecording", r -> created("task-4", "req-4"));
        harness.start(trtc, config());
        apply();

        awaitStatus(s -> "task-4".equals(s.getTaskId()));
        List<FakeTrtcClient.Call> creates = trtc.calls("CreateCloudRecording");
        assertThat(creates).hasSize(2);
        assertThat(((CreateCloudRecordingRequest) creates.get(1).request()).userId())
                .isEqualTo(((CreateCloudRecordingRequest) creates.get(0).request()).userId());
        await().untilAsserted(() -> assertThat(warnings()).contains("CreateOutcomeUnknown", "CreateRetried"));
    }

    @Test
    void missingSecretStallsNamingItAndRecordingStartsOnceItAppears() {
        trtc.then("CreateCloudRecording", r -> created("task-5", "req-5"));
        harness.start(trtc, config());
        apply();

        CloudRecording r = awaitStatus(s -> Conditions.isTrue(s.getConditions(), Conditions.STALLED));
        assertThat(condition(r, Conditions.STALLED).getReason()).isEqualTo("SecretNotFound");
        assertThat(condition(r, Conditions.STALLED).getMessage()).contains("media/trtc-credentials");
        assertThat(trtc.calls()).isEmpty();

        harness.secret("trtc-credentials", Map.of("secretId", SECRET_ID, "secretKey", SECRET_KEY));
        r = awaitStatus(s -> "SecretKeyNotFound".equals(condition(s, Conditions.STALLED).getReason()));
        assertThat(condition(r, Conditions.STALLED).getMessage()).contains("trtc-credentials").contains("sdkSecretKey");
        assertThat(trtc.calls()).isEmpty();

        credentials();
        awaitStatus(s -> "task-5".equals(s.getTaskId()));
        assertThat(trtc.calls("CreateCloudRecording")).hasSize(1);
    }

    @Test
    void noSecretValueReachesStatusEventsOrLogs() {
        credentials();
        trtc.then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "InternalError",
                        "echo " + SECRET_KEY + " and " + ((CreateCloudRecordingRequest) r).userSig(), "req-echo"))
                .then("CreateCloudRecording", r -> new TrtcApiException("CreateCloudRecording", "AuthFailure.SignatureFailure",
                        "bad signature for token " + TOKEN, "req-auth"));
        harness.start(trtc, config());
        apply();

        CloudRecording r = awaitStatus(s -> Conditions.isTrue(s.getConditions(), Conditions.STALLED));
        await().untilAsserted(() -> assertThat(warnings()).contains("AuthFailure.SignatureFailure"));
        String everything = Serialization.asJson(r) + Serialization.asJson(harness.events())
                + String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(everything).contains("<redacted>");
        SECRET_VALUES.forEach(secret -> assertThat(everything).doesNotContain(secret));
    }

    @Test
    void deletingStopsTheTaskAndReleasesTheResource() {
        credentials();
        trtc.then("CreateCloudRecording", r -> created("task-6", "req-6"))
                .then("DeleteCloudRecording", r -> new DeleteCloudRecordingResponse("task-6", "req-del"));
        harness.start(trtc, config());
        apply();
        awaitStatus(s -> "task-6".equals(s.getTaskId()));

        client.resources(CloudRecording.class).inNamespace("media").withName("weekly-allhands").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("weekly-allhands") == null);
        assertThat(trtc.calls("DeleteCloudRecording")).hasSize(1);
        assertThat(trtc.calls("DeleteCloudRecording").get(0).request().toString()).contains("task-6");
    }

    @Test
    void deletionDoesNotHangWhenTheCredentialsSecretWentFirst() {
        credentials();
        trtc.then("CreateCloudRecording", r -> created("task-7", "req-7"))
                .then("DeleteCloudRecording", r -> new TrtcApiException("DeleteCloudRecording", "ResourceNotFound", "task gone", "req-gone"));
        harness.start(trtc, config());
        apply();
        awaitStatus(s -> "task-7".equals(s.getTaskId()));

        client.secrets().inNamespace("media").withName("trtc-credentials").delete();
        client.resources(CloudRecording.class).inNamespace("media").withName("weekly-allhands").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("weekly-allhands") == null);
        assertThat(trtc.calls("DeleteCloudRecording")).singleElement()
                .satisfies(c -> assertThat(c.context().credentials().secretId()).isEqualTo(SECRET_ID));
    }

    @Test
    void orphanPolicyReleasesWithoutStoppingTheTask() {
        credentials();
        trtc.then("CreateCloudRecording", r -> created("task-8", "req-8"));
        harness.start(trtc, config());
        CloudRecording applied = load();
        applied.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
        client.resource(applied).create();
        awaitStatus(s -> "task-8".equals(s.getTaskId()));

        client.resources(CloudRecording.class).inNamespace("media").withName("weekly-allhands").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("weekly-allhands") == null);
        assertThat(trtc.calls("DeleteCloudRecording")).isEmpty();
        await().untilAsserted(() -> assertThat(reasons()).contains("Orphaned"));
    }

    private static OperatorConfig config() {
        return OperatorHarness.config(Map.of("TRTC_POLL_INTERVAL", "30s"));
    }

    private void credentials() {
        credentials(Recordings.CREDENTIALS);
    }

    private void credentials(Map<String, String> values) {
        harness.credentials(values);
    }

    private CloudRecording apply() {
        return client.resource(load()).create();
    }

    private CloudRecording awaitStatus(java.util.function.Predicate<CloudRecordingStatus> predicate) {
        return harness.awaitStatus(Recordings.NAME, predicate);
    }

    private List<String> reasons() {
        return harness.reasons();
    }

    private List<String> warnings() {
        return harness.warnings();
    }
}
