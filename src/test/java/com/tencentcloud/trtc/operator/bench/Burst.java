package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.emulator.TrtcEmulator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Applies N recordings at once and times each from its creation until its status shows a TaskId; keeps them
 * for their life, then deletes them all and waits until every finalizer is gone.
 */
final class Burst {

    /** Creation-to-TaskId times, and the time from the first apply until the last TaskId. */
    record Figures(List<Long> latenciesMs, double secondsToAllTasks, double secondsToFirstCreate, double createSpanSeconds,
                   double quietMs, int burstDoneBeforeQuiet) {
        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }
    }

    private final BenchCluster cluster;
    private final TrtcEmulator emulator;

    Burst(BenchCluster cluster, TrtcEmulator emulator) {
        this.cluster = cluster;
        this.emulator = emulator;
    }

    static CloudRecording recording(int i) {
        return recording(BenchCluster.NAMESPACE, "bench-%05d".formatted(i), 10_000 + i);
    }

    static CloudRecording recording(String namespace, String name, long room) {
        return Serialization.unmarshal("""
                apiVersion: trtc.tencentcloud.com/v1alpha1
                kind: CloudRecording
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  sdkAppId: %d
                  roomId: "%d"
                  credentialsSecretRef:
                    name: trtc-credentials
                  recordParams:
                    recordMode: MixedStream
                  storageParams:
                    cloudVod:
                      tencentVod: {}
                """.formatted(name, namespace, Benchmark.APP, room), CloudRecording.class);
    }

    /**
     * @param quietAt  when this many of the burst have a TaskId, apply one recording in the quiet namespace and
     *                 time it; 0 for none
     * @param atPlateau runs once all have a TaskId, before their life and deletion (memory figures)
     * @param delete   delete them all at the end and wait until every finalizer is gone
     */
    Figures run(int resources, long lifeSeconds, int quietAt, Runnable atPlateau, boolean delete) throws Exception {
        KubernetesClient client = cluster.client();
        Map<String, Long> appliedAt = new ConcurrentHashMap<>();
        Map<String, Long> taskAt = new ConcurrentHashMap<>();
        VersionTrace firstTrace = new VersionTrace();
        String firstName = recording(0).getMetadata().getName();
        SharedIndexInformer<CloudRecording> informer = client.resources(CloudRecording.class).inNamespace(BenchCluster.NAMESPACE)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(CloudRecording r) {
                        seen(r);
                    }

                    @Override
                    public void onUpdate(CloudRecording before, CloudRecording r) {
                        seen(r);
                    }

                    @Override
                    public void onDelete(CloudRecording r, boolean unknown) {
                    }

                    private void seen(CloudRecording r) {
                        if (r.getMetadata().getName().equals(firstName)) {
                            firstTrace.seen(r);
                        }
                        if (r.getStatus() != null && r.getStatus().getTaskId() != null) {
                            taskAt.putIfAbsent(r.getMetadata().getName(), System.nanoTime());
                        }
                    }
                });
        try {
            long first = System.nanoTime();
            java.time.Instant firstWall = java.time.Instant.now();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            IntStream.range(0, resources).forEach(i -> pool.submit(() -> {
                CloudRecording r = recording(i);
                appliedAt.put(r.getMetadata().getName(), System.nanoTime());
                client.resource(r).create();
            }));
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(resources / 5 + 300);
            java.util.concurrent.CompletableFuture<Double> quiet = null;
            int[] doneBeforeQuiet = {-1};
            while (taskAt.size() < resources && System.nanoTime() < deadline) {
                Thread.sleep(quiet == null && quietAt > 0 ? 20 : 200);
                if (quiet == null && quietAt > 0 && taskAt.size() >= quietAt) {
                    quiet = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try (TaskWatch watch = new TaskWatch(client, BenchCluster.QUIET_NAMESPACE)) {
                            double ms = watch.applyAndTime(recording(BenchCluster.QUIET_NAMESPACE, "quiet-during-burst", 9_000), 600);
                            doneBeforeQuiet[0] = taskAt.size();
                            System.out.printf("%n  quiet namespace, as its watch saw it:%n%s", watch.trace("quiet-during-burst"));
                            return ms;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                System.out.printf("\r  %d of %d have a taskId", taskAt.size(), resources);
            }
            System.out.println();
            if (taskAt.size() < resources) {
                throw new IllegalStateException("only " + taskAt.size() + " of " + resources + " got a taskId in time");
            }
            long last = Collections.max(taskAt.values());
            List<Long> latencies = appliedAt.entrySet().stream()
                    .map(e -> (taskAt.get(e.getKey()) - e.getValue()) / 1_000_000).toList();
            double quietMs = quiet == null ? 0 : quiet.get(10, TimeUnit.MINUTES);
            atPlateau.run();
            Thread.sleep(Duration.ofSeconds(lifeSeconds).toMillis());
            if (delete) {
                ExecutorService deleting = Executors.newFixedThreadPool(16);
                client.resources(CloudRecording.class).inNamespace(BenchCluster.NAMESPACE).list().getItems()
                        .forEach(r -> deleting.submit(() -> client.resource(r).delete()));
                deleting.shutdown();
                deleting.awaitTermination(10, TimeUnit.MINUTES);
                long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(resources / 5 + 300);
                while (!client.resources(CloudRecording.class).inNamespace(BenchCluster.NAMESPACE).list().getItems().isEmpty()
                        && System.nanoTime() < gone) {
                    Thread.sleep(500);
                }
            }
            List<java.time.Instant> creates = emulator.calls().stream()
                    .filter(c -> c.action().equals("CreateCloudRecording")).map(c -> c.at()).filter(at -> !at.isBefore(firstWall))
                    .sorted().toList();
            System.out.print("  the first applied recording, as the watch saw it:\n" + firstTrace.lines(first));
            System.out.println("  Creates per 5 s from the first apply: " + perWindow(firstWall, creates, Duration.ofSeconds(5)));
            return new Figures(latencies, (last - first) / 1e9,
                    Duration.between(firstWall, creates.get(0)).toMillis() / 1e3,
                    Duration.between(creates.get(0), creates.get(creates.size() - 1)).toMillis() / 1e3,
                    quietMs, doneBeforeQuiet[0]);
        } finally {
            informer.close();
        }
    }

    /** How many of {@code times} fall in each window of {@code width} from {@code start}: where a drain slows. */
    static String perWindow(java.time.Instant start, List<java.time.Instant> times, Duration width) {
        if (times.isEmpty()) {
            return "none";
        }
        int windows = (int) (Duration.between(start, times.get(times.size() - 1)).toMillis() / width.toMillis()) + 1;
        int[] counts = new int[windows];
        times.forEach(t -> counts[(int) (Duration.between(start, t).toMillis() / width.toMillis())]++);
        return java.util.Arrays.stream(counts).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(" "));
    }
}
