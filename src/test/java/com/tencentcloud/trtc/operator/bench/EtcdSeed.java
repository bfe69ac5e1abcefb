package com.tencentcloud.trtc.operator.bench;

import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stores CloudRecordings straight into the etcd of the benchmark's own real API server (its JSON gateway on
 * loopback), as the API server itself stores a custom resource: tens of thousands of recordings take seconds,
 * where creating them and writing their status through an API server that shares two busy cores takes an hour.
 * The API server sees them through its etcd watch like any other write; nothing the operator reads differs.
 */
final class EtcdSeed {

    private static final Pattern CLIENT_URL = Pattern.compile("--listen-client-urls\\s+http://[^:]+:(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI put;

    private EtcdSeed(int port) {
        this.put = URI.create("http://127.0.0.1:" + port + "/v3/kv/put");
    }

    /** The etcd this JVM started (kube-api-test runs it as a child process), if there is one. */
    static Optional<EtcdSeed> ofThisProcess() {
        return ProcessHandle.current().descendants()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("etcd") && c.contains("--listen-client-urls"))
                .map(CLIENT_URL::matcher)
                .filter(Matcher::find)
                .map(m -> new EtcdSeed(Integer.parseInt(m.group(1))))
                .findFirst();
    }

    /** Gives {@code r} the metadata the API server would (uid, generation, creation time), as {@link #store} keeps it. */
    static CloudRecording created(CloudRecording r) {
        var meta = r.getMetadata();
        meta.setUid(UUID.randomUUID().toString());
        meta.setGeneration(1L);
        meta.setCreationTimestamp(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return r;
    }

    /** Stores {@code r}, metadata from {@link #created}, with its status. */
    CloudRecording store(CloudRecording r) throws Exception {
        var meta = r.getMetadata();
        String key = "/registry/" + CloudRecording.GROUP + "/cloudrecordings/" + meta.getNamespace() + "/" + meta.getName();
        String body = "{\"key\":\"" + base64(key) + "\",\"value\":\"" + base64(Serialization.asJson(r)) + "\"}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(put).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("etcd refused " + key + ": " + answer.statusCode() + " " + answer.body());
        }
        return r;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
