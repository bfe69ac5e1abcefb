package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times single applies in one namespace: from just before the create request until a watch shows the resource
 * with a {@code taskId}, as a user running {@code kubectl apply} and {@code kubectl get -w} would see it.
 */
final class TaskWatch implements AutoCloseable {

    private final KubernetesClient client;
    private final Map<String, CompletableFuture<Long>> seen = new ConcurrentHashMap<>();
    private final SharedIndexInformer<CloudRecording> informer;
    private final Map<String, VersionTrace> traces = new ConcurrentHashMap<>();
    private volatile long started;

    TaskWatch(KubernetesClient client, String namespace) {
        this.client = client;
        this.informer = client.resources(CloudRecording.class).inNamespace(namespace).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(CloudRecording r) {
                check(r);
            }

            @Override
            public void onUpdate(CloudRecording before, CloudRecording r) {
                check(r);
            }

            @Override
            public void onDelete(CloudRecording r, boolean unknown) {
            }
        });
    }

    private void check(CloudRecording r) {
        traces.computeIfAbsent(r.getMetadata().getName(), n -> new VersionTrace()).seen(r);
        if (r.getStatus() != null && r.getStatus().getTaskId() != null) {
            seen.computeIfAbsent(r.getMetadata().getName(), n -> new CompletableFuture<>()).complete(System.nanoTime());
        }
    }

    /** Applies {@code r} and waits for its TaskId; returns the milliseconds that took. */
    double applyAndTime(CloudRecording r, long timeoutSeconds) throws Exception {
        CompletableFuture<Long> done = seen.computeIfAbsent(r.getMetadata().getName(), n -> new CompletableFuture<>());
        long start = System.nanoTime();
        started = start;
        client.resource(r).create();
        return (done.get(timeoutSeconds, TimeUnit.SECONDS) - start) / 1e6;
    }

    /** What the watch saw of {@code name}: milliseconds after its apply, and what each version showed. */
    String trace(String name) {
        VersionTrace trace = traces.get(name);
        return trace == null ? "" : trace.lines(started);
    }

    @Override
    public void close() {
        informer.close();
    }
}
