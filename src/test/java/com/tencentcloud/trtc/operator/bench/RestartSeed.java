package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingStatus;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.RecorderIds;
import com.tencentcloud.trtc.operator.retention.FinishedArchive;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.RateLimitedTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcCallListener;
import com.tencentcloud.trtc.operator.trtc.TrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import com.tencentcloud.trtc.operator.trtc.TrtcRateLimiter;
import com.tencentcloud.trtc.operator.trtc.UserSig;
import com.tencentcloud.trtc.operator.trtc.model.CloudVod;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.RecordParams;
import com.tencentcloud.trtc.operator.trtc.model.StorageParams;
import com.tencentcloud.trtc.operator.trtc.model.TencentVod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts the cluster of the restart scenario into the state an operator leaves behind, without running one: live
 * recordings whose task runs in the emulator (created there with the robot id the operator derives, status
 * {@code Recording}, finalizer and {@code task-id} annotation as the operator writes them), and finished ones
 * ({@code Stopped}, their files listed in status, no task left). Emulator tasks are created under seed keys of their
 * own, so the seeding draws nothing from the operator's rate limit. On the benchmark's own real API server the
 * recordings go straight into its etcd ({@link EtcdSeed}); elsewhere through the API (a create and a status write each).
 */
final class RestartSeed {

    static final String LIVE_PREFIX = "live-";
    static final String FINISHED_PREFIX = "done-";
    private static final int THREADS = 16;

    private final KubernetesClient client;
    private final String emulatorUrl;
    private final java.util.Optional<EtcdSeed> etcd;

    /** @param etcd stores straight into etcd when present, otherwise through the API */
    RestartSeed(KubernetesClient client, String emulatorUrl, java.util.Optional<EtcdSeed> etcd) {
        this.client = client;
        this.emulatorUrl = emulatorUrl;
        this.etcd = etcd;
    }

    /** Registers the seed keys with the emulator being built. */
    static TrtcEmulator.Builder seedKeys(TrtcEmulator.Builder emulator) {
        for (int t = 0; t < THREADS; t++) {
            emulator.credential(seedKey(t));
        }
        return emulator;
    }

    private static Credentials seedKey(int thread) {
        return new Credentials("AKIDBENCHSEED%024d".formatted(thread), "bench-seed-key-" + thread);
    }

    /** {@code count} recordings with a running task each. */
    void live(int count) throws Exception {
        parallel(count, "live", thread -> {
            TrtcClient trtc = new RateLimitedTrtcClient(new HttpTrtcClient(TrtcEndpoint.parse(emulatorUrl), Clock.systemUTC()),
                    new TrtcRateLimiter(20), TrtcCallListener.NONE);
            CallContext call = new CallContext(seedKey(thread), "ap-guangzhou");
            return i -> {
                CloudRecording created = create(LIVE_PREFIX, i);
                String robot = RecorderIds.derive(BenchCluster.NAMESPACE, created.getMetadata().getName(), created.getMetadata().getUid());
                long now = System.currentTimeMillis() / 1000;
                String taskId = trtc.createCloudRecording(call, new CreateCloudRecordingRequest(
                        Benchmark.APP, created.getSpec().getRoomId(), robot,
                        UserSig.generate(Benchmark.APP, Benchmark.SDK_SECRET_KEY, robot, 86_400 * 4, now),
                        new RecordParams(2L, 86_400L, null, null, null, null, null, null, null, null),
                        new StorageParams(null, new CloudVod(new TencentVod(null, null, null, null, null, null, null, null, null))),
                        1L, null, null, 72L, null)).taskId();
                created.getMetadata().getAnnotations().put(CloudRecording.ANNOTATION_TASK_ID, taskId);
                CloudRecording annotated = etcd.isPresent() ? created : client.resource(created).update();
                Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                CloudRecordingStatus s = status(annotated, CloudRecordingStatus.Phase.Recording, taskId, robot, at,
                        Conditions.TRUE, Conditions.REASON_RECORDING, "Task " + taskId + " is recording");
                s.setRecorderStatus("InProgress");
                annotated.setStatus(s);
                save(annotated);
            };
        });
    }

    /**
     * {@code count} recordings whose task ended an hour ago, each with {@code files} files listed in status; with
     * {@code archived}, labelled and without finalizer as this release leaves them ({@link FinishedArchive}), else
     * as an earlier release left them.
     */
    void finished(int count, int files, boolean archived) throws Exception {
        parallel(count, "finished", thread -> i -> {
            CloudRecording created = create(FINISHED_PREFIX, i);
            String taskId = "bench-ended-task-%07d-".formatted(i) + "x".repeat(40);
            String robot = RecorderIds.derive(BenchCluster.NAMESPACE, created.getMetadata().getName(), created.getMetadata().getUid());
            created.getMetadata().getAnnotations().put(CloudRecording.ANNOTATION_TASK_ID, taskId);
            CloudRecording annotated = etcd.isPresent() ? created : client.resource(created).update();
            Instant ended = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            CloudRecordingStatus s = status(annotated, CloudRecordingStatus.Phase.Stopped, taskId, robot,
                    ended.minus(Duration.ofHours(1)), Conditions.FALSE, Conditions.REASON_COMPLETED,
                    "Task " + taskId + " has ended (ResourceNotFound); it is never restarted: create a new CloudRecording to record again");
            s.setConditions(s.getConditions().stream().peek(c -> c.setLastTransitionTime(ended.toString())).toList());
            List<StorageFileStatus> listed = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                StorageFileStatus file = new StorageFileStatus();
                file.setFileName("%d_%s_%s__UserId_s_%s__UserId_e_main.mp4".formatted(Benchmark.APP, created.getSpec().getRoomId(), taskId.substring(0, 24), "user" + f));
                file.setUserId("user" + f);
                file.setTrackType("audio_video");
                file.setMediaId("main");
                file.setBeginTimeStamp(ended.minus(Duration.ofHours(1)).toEpochMilli() + f);
                file.setEndTimeStamp(ended.toEpochMilli());
                listed.add(file);
            }
            s.setStorageFiles(listed);
            annotated.setStatus(s);
            if (archived) {
                annotated.getMetadata().setLabels(new java.util.HashMap<>(Map.of(CloudRecording.LABEL_FINISHED, "true")));
                annotated.getMetadata().getAnnotations().putAll(Map.of(FinishedArchive.ANNOTATION_TASK_IDS, taskId,
                        FinishedArchive.ANNOTATION_GENERATION, String.valueOf(annotated.getMetadata().getGeneration())));
                annotated.getMetadata().setFinalizers(new ArrayList<>());
                if (etcd.isEmpty()) {
                    annotated = client.resource(annotated).update();
                    annotated.setStatus(s);
                }
            }
            save(annotated);
        });
    }

    private CloudRecording create(String prefix, int i) throws Exception {
        CloudRecording r = Burst.recording(BenchCluster.NAMESPACE, prefix + "%05d".formatted(i), (prefix.equals(LIVE_PREFIX) ? 100_000 : 500_000) + i);
        r.getMetadata().setFinalizers(new ArrayList<>(List.of(CloudRecording.FINALIZER)));
        r.getMetadata().setAnnotations(new java.util.HashMap<>());
        return etcd.isPresent() ? EtcdSeed.created(r) : client.resource(r).create();
    }

    private void save(CloudRecording withStatus) throws Exception {
        if (etcd.isPresent()) {
            etcd.get().store(withStatus);
        } else {
            client.resource(withStatus).updateStatus();
        }
    }

    private static CloudRecordingStatus status(CloudRecording r, CloudRecordingStatus.Phase phase, String taskId, String robot,
                                               Instant createdAt, String ready, String reason, String message) {
        CloudRecordingStatus s = new CloudRecordingStatus();
        s.setPhase(phase);
        s.setTaskId(taskId);
        s.setRecorderUserId(robot);
        s.setCreatedAt(createdAt.toString());
        s.setExpiresAt(createdAt.plus(Duration.ofHours(72)).toString());
        s.setLastRequestId("00000000-0000-4000-8000-000000000000");
        s.setObservedGeneration(r.getMetadata().getGeneration());
        Long generation = r.getMetadata().getGeneration();
        List<io.fabric8.kubernetes.api.model.Condition> c = Conditions.set(List.of(), Conditions.READY, ready, reason, message, generation, createdAt);
        c = Conditions.set(c, Conditions.SYNCED, Conditions.TRUE, Conditions.REASON_RECONCILE_SUCCESS, "The last reconcile succeeded", generation, createdAt);
        c = Conditions.set(c, Conditions.STALLED, Conditions.FALSE, Conditions.REASON_NOT_STALLED, "No error that needs a change to the resource", generation, createdAt);
        s.setConditions(c);
        return s;
    }

    private interface Seeder {
        void seed(int i) throws Exception;
    }

    private interface PerThread {
        Seeder seeder(int thread) throws Exception;
    }

    private static void parallel(int count, String what, PerThread perThread) throws Exception {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Seeder seeder = perThread.seeder(thread);
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    seeder.seed(i);
                    int n = done.incrementAndGet();
                    if (n % 5000 == 0) {
                        System.out.printf("  seeded %d of %d %s recordings (%.0f s)%n", n, count, what, (System.nanoTime() - start) / 1e9);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : futures) {
            f.get();
        }
        System.out.printf("seeded %d %s recordings in %.0f s%n", count, what, (System.nanoTime() - start) / 1e9);
    }
}
