package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.mapping.CallbackTarget;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import com.tencentcloud.trtc.operator.testing.RunningClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The informer's cache lags the operator's own status writes: a callback applied to the cached copy must never undo
 * what the API server already holds (a 311 reconciled on a cached {@code Idle} after the 302 made it {@code Stopped}).
 */
class CallbackApplierTest {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final CallbackTarget TARGET = new CallbackTarget("media", Recordings.NAME, 1400000001L, "key");

    private final Clock clock = new RunningClock();
    private final StatusTransitions transitions = new StatusTransitions(clock);
    private final List<String> events = new ArrayList<>();
    private final CallbackInbox inbox = new CallbackInbox(() -> true);
    private ApiServerWriter server;
    private CallbackApplier applier;
    private CloudRecording cached;

    @BeforeEach
    void setUp() {
        inbox.bind(null, null, new SimpleInboundEventSource<>() {
            @Override
            public void propagateEvent(ResourceID resourceID) {
            }
        }, (r, e) -> {
        });
        cached = Recordings.load();
        cached.getMetadata().setUid("uid-1");
        cached.getMetadata().setResourceVersion("5");
        cached.setStatus(transitions.created(cached, "rec-robot", "task-1", "req-c", T0, 72));
        server = new ApiServerWriter(cached);
        EventRecorder recorder = new EventRecorder(null, clock) {
            @Override
            protected void record(HasMetadata resource, String type, String reason, String message) {
                events.add(reason);
            }
        };
        applier = new CallbackApplier(inbox, server, transitions, recorder, new DescribeSchedule(), clock);
    }

    @Test
    void aVodFileArrivingAfterTheStopIsAddedToTheStoppedStatusThoughTheCacheStillShowsIdle() {
        offer(new RecordingCallback(302, T0.plusSeconds(60).toEpochMilli(), "task-1", T0.plusSeconds(60).toEpochMilli(),
                null, 1, List.of(), null));
        CloudRecording afterStop = applier.apply(cached, "task-1");
        assertThat(afterStop.getStatus().getPhase()).isEqualTo(CloudRecordingStatus.Phase.Stopped);
        assertThat(cached.getStatus().getPhase()).as("the informer has not seen the stop yet").isEqualTo(CloudRecordingStatus.Phase.Idle);

        offer(new RecordingCallback(311, T0.plusSeconds(61).toEpochMilli(), "task-1", T0.plusSeconds(61).toEpochMilli(),
                0, null, List.of(vodFile("fid-1")), null));
        CloudRecording afterFile = applier.apply(cached, "task-1");

        CloudRecordingStatus stored = server.stored.getStatus();
        assertThat(stored.getPhase()).as("the stop is not undone").isEqualTo(CloudRecordingStatus.Phase.Stopped);
        assertThat(Conditions.isTrue(stored.getConditions(), Conditions.READY)).isFalse();
        assertThat(stored.getStorageFiles()).extracting(StorageFileStatus::getFileId).containsExactly("fid-1");
        assertThat(afterFile.getStatus().getPhase()).as("the rest of the reconcile sees the stored status")
                .isEqualTo(CloudRecordingStatus.Phase.Stopped);
        assertThat(server.conflicts).as("the write computed from the cached copy was refused once").isEqualTo(1);
    }

    @Test
    void aStatusThatKeepsChangingUnderTheWritePutsTheCallbacksBackForTheRetriedReconcile() {
        server.meddle = r -> {
            CloudRecording changed = Serialization.clone(r);
            changed.getStatus().setLastRequestId("req-other-" + server.version);
            return changed;
        };
        offer(new RecordingCallback(311, T0.plusSeconds(61).toEpochMilli(), "task-1", T0.plusSeconds(61).toEpochMilli(),
                0, null, List.of(vodFile("fid-1")), null));
        server.changeBehindTheCache();

        assertThatThrownBy(() -> applier.apply(cached, "task-1")).isInstanceOf(IllegalStateException.class);
        assertThat(server.conflicts).isEqualTo(CallbackApplier.ATTEMPTS);
        assertThat(server.stored.getStatus().getStorageFiles()).isNullOrEmpty();
        assertThat(inbox.drain(cached)).extracting(RecordingCallback::eventType).containsExactly(311);
        assertThat(events).as("no Event for a status never written").isEmpty();
    }

    private void offer(RecordingCallback event) {
        assertThat(inbox.offer(TARGET, event)).isEqualTo(CallbackTarget.Offer.ACCEPTED);
    }

    private static StorageFileStatus vodFile(String fileId) {
        StorageFileStatus f = new StorageFileStatus();
        f.setFileId(fileId);
        f.setVideoUrl("https://vod.example/" + fileId + ".mp4");
        return f;
    }

    /**
     * The API server's side of the writes: it keeps the newest resource and its version, refuses a locked write on an
     * older version with a conflict, and (when {@code meddle} is set) lets someone else change the status after every
     * read, so that each locked write is stale again.
     */
    private static final class ApiServerWriter extends StatusOnlyWriter {
        CloudRecording stored;
        long version;
        int conflicts;
        UnaryOperator<CloudRecording> meddle;

        ApiServerWriter(CloudRecording initial) {
            stored = Serialization.clone(initial);
            version = Long.parseLong(initial.getMetadata().getResourceVersion());
        }

        void changeBehindTheCache() {
            store(meddle.apply(stored));
        }

        @Override
        public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
            CloudRecording next = Serialization.clone(stored);
            next.setStatus(Serialization.clone(status));
            return store(next);
        }

        @Override
        public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status)
                throws StaleResourceException {
            if (!resource.getMetadata().getResourceVersion().equals(String.valueOf(version))) {
                conflicts++;
                throw new StaleResourceException("resource version " + resource.getMetadata().getResourceVersion()
                        + " is no longer current", null);
            }
            return writeStatus(resource, status);
        }

        @Override
        public Optional<CloudRecording> readCurrent(CloudRecording resource) {
            CloudRecording read = Serialization.clone(stored);
            if (meddle != null) {
                changeBehindTheCache();
            }
            return Optional.of(read);
        }

        private CloudRecording store(CloudRecording next) {
            version++;
            next.getMetadata().setResourceVersion(String.valueOf(version));
            stored = next;
            return Serialization.clone(next);
        }
    }
}
