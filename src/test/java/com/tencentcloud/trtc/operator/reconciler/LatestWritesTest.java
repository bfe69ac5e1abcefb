package com.tencentcloud.trtc.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.testing.RunningClock;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A reconcile handed a cached copy older than the operator's own last write starts from that write instead. */
class LatestWritesTest {

    private final StatusTransitions transitions = new StatusTransitions(new RunningClock());

    @Test
    void theCachedCopyOlderThanTheLastWriteIsReplacedByTheWriteAndANewerOneWins() {
        CloudRecording cached = Recordings.load();
        cached.getMetadata().setUid("uid-1");
        cached.getMetadata().setResourceVersion("5");
        cached.setStatus(transitions.created(cached, "rec-robot", "task-1", "req-c", Instant.parse("2026-12-01T09:00:00Z"), 72));
        LatestWrites writes = new LatestWrites(new VersioningWriter());

        writes.writeStatus(cached, transitions.ended(cached, "req-d", "TaskNotExist"));
        assertThat(writes.newest(cached).getStatus().getPhase()).as("the informer still shows Idle at version 5")
                .isEqualTo(CloudRecordingStatus.Phase.Stopped);
        assertThat(writes.newest(cached).getMetadata().getResourceVersion()).isEqualTo("6");

        CloudRecording caughtUp = Serialization.clone(cached);
        caughtUp.getMetadata().setResourceVersion("7");
        assertThat(writes.newest(caughtUp)).as("a later version from the cache (a user's edit) wins").isSameAs(caughtUp);
        assertThat(writes.newest(cached)).as("and the memory is dropped once caught up").isSameAs(cached);
    }

    @Test
    void theRememberedWriteKeepsNoManagedFields() {
        CloudRecording cached = Recordings.load();
        cached.getMetadata().setUid("uid-1");
        cached.getMetadata().setResourceVersion("5");
        cached.getMetadata().setManagedFields(java.util.List.of(new io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder()
                .withManager("trtc-recording-operator").withOperation("Update").withNewFieldsV1()
                .addToAdditionalProperties("f:status", java.util.Map.of("f:phase", java.util.Map.of())).endFieldsV1().build()));
        LatestWrites writes = new LatestWrites(new VersioningWriter());
        writes.writeStatus(cached, transitions.creating(cached, "rec-robot"));
        CloudRecording mine = writes.newest(cached);
        assertThat(mine.getMetadata().getResourceVersion()).isEqualTo("6");
        assertThat(mine.getMetadata().getManagedFields()).as("kept for many minutes per resource; the cache drops them too")
                .isNullOrEmpty();
    }

    @Test
    void aSweepDropsTheCopiesTheCacheHasCaughtUpWithAndKeepsTheOthers() {
        Map<String, CloudRecording> cache = new java.util.HashMap<>();
        LatestWrites writes = new LatestWrites(new VersioningWriter(), r -> Optional.ofNullable(cache.get(r.getMetadata().getUid())));
        for (int i = 0; i < 3; i++) {
            CloudRecording r = Recordings.load();
            r.getMetadata().setUid("uid-" + i);
            r.getMetadata().setResourceVersion("5");
            cache.put("uid-" + i, r);
            writes.writeStatus(r, transitions.creating(r, "rec-robot"));
        }
        CloudRecording caughtUp = Serialization.clone(cache.get("uid-1"));
        caughtUp.getMetadata().setResourceVersion("6");
        cache.put("uid-1", caughtUp);
        cache.remove("uid-2");
        writes.sweep();
        assertThat(writes.kept()).as("uid-0 still lags at 5, uid-2 is not cached (kept), uid-1 caught up").isEqualTo(2);
        assertThat(writes.newest(cache.get("uid-0")).getMetadata().getResourceVersion()).isEqualTo("6");
    }

    @Test
    void aResourceVersionThatIsNotANumberLeavesTheCacheInCharge() {
        CloudRecording cached = Recordings.load();
        cached.getMetadata().setUid("uid-1");
        cached.getMetadata().setResourceVersion("opaque-a");
        LatestWrites writes = new LatestWrites(new VersioningWriter());
        writes.writeStatus(cached, transitions.creating(cached, "rec-robot"));
        assertThat(writes.newest(cached)).isSameAs(cached);
    }

    /** Stores nothing; returns each write one version later, as the API server does. */
    private static final class VersioningWriter extends StatusOnlyWriter {
        @Override
        public CloudRecording writeStatus(CloudRecording resource, CloudRecordingStatus status) {
            CloudRecording next = Serialization.clone(resource);
            next.setStatus(Serialization.clone(status));
            String v = resource.getMetadata().getResourceVersion();
            next.getMetadata().setResourceVersion(v.matches("\\d+") ? String.valueOf(Long.parseLong(v) + 1) : v + "+");
            return next;
        }

        @Override
        public CloudRecording writeStatusIfUnchanged(CloudRecording resource, CloudRecordingStatus status) {
            return writeStatus(resource, status);
        }
    }
}
