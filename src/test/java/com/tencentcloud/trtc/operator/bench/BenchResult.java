package com.tencentcloud.trtc.operator.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The figures of one benchmark run, as printed and as written to {@code target/bench/result.json}. */
record BenchResult(
        @JsonProperty("resources") int resources,
        @JsonProperty("rate_limit") double rateLimit,
        @JsonProperty("kubernetes") String kubernetes,
        @JsonProperty("creates") long creates,
        @JsonProperty("creates_per_resource") double createsPerResource,
        @JsonProperty("throttled") long throttled,
        @JsonProperty("seconds_to_all_tasks") double secondsToAllTasks,
        @JsonProperty("seconds_to_first_create") double secondsToFirstCreate,
        @JsonProperty("create_span_seconds") double createSpanSeconds,
        @JsonProperty("floor_seconds") double floorSeconds,
        @JsonProperty("baseline_seconds") double baselineSeconds,
        @JsonProperty("ratio_to_floor") double ratioToFloor,
        @JsonProperty("ratio_to_baseline") double ratioToBaseline,
        @JsonProperty("p50_ms") long p50Ms,
        @JsonProperty("p95_ms") long p95Ms,
        @JsonProperty("p99_ms") long p99Ms,
        @JsonProperty("max_ms") long maxMs,
        @JsonProperty("life_seconds") long lifeSeconds,
        @JsonProperty("calls_per_recording") double callsPerRecording,
        @JsonProperty("describes_per_recording") double describesPerRecording,
        @JsonProperty("rss_mb") double rssMb,
        @JsonProperty("heap_used_mb") double heapUsedMb,
        @JsonProperty("startup_ms") long startupMs,
        @JsonProperty("cores") int cores,
        @JsonProperty("java") String java,
        @JsonProperty("idle_p50_ms") double idleP50Ms,
        @JsonProperty("idle_p99_ms") double idleP99Ms,
        @JsonProperty("idle_samples") int idleSamples,
        @JsonProperty("fairness_quiet_ms") double fairnessQuietMs,
        @JsonProperty("fairness_burst_done_when_quiet_done") int fairnessBurstDone,
        @JsonProperty("unrelated_secrets") int unrelatedSecrets,
        @JsonProperty("unrelated_secrets_heap_mb") double unrelatedSecretsHeapMb,
        @JsonProperty("live_heap_after_gc_mb") double liveHeapMb,
        @JsonProperty("rss_at_plateau_mb") double rssAtPlateauMb,
        @JsonProperty("live_bytes_per_recording") double liveBytesPerRecording,
        @JsonProperty("full_gcs") long fullGcs,
        @JsonProperty("longest_back_to_back_full_gcs") int backToBackFullGcs,
        @JsonProperty("gc_seconds") double gcSeconds,
        @JsonProperty("out_of_memory") boolean outOfMemory,
        @JsonProperty("jvm_flags") String jvmFlags,
        @JsonProperty("load_average") String loadAverage) {

    String table() {
        return String.join("\n",
                "trtc-recording-operator benchmark",
                row("resources applied at once", resources + " (rate limit " + rateLimit + "/s per action, " + kubernetes + ")"),
                row("time until all have a taskId", String.format("%.1f s", secondsToAllTasks)),
                row("first Create / first to last Create", String.format("%.1f s after the first apply / %.1f s", secondsToFirstCreate, createSpanSeconds)),
                row("floor (resources / rate limit)", String.format("%.1f s  -> operator at %.2fx the floor", floorSeconds, ratioToFloor)),
                row("baseline (plain client loop)", String.format("%.1f s  -> operator at %.2fx the baseline", baselineSeconds, ratioToBaseline)),
                row("creation -> taskId p50/p95/p99/max", p50Ms + " / " + p95Ms + " / " + p99Ms + " / " + maxMs + " ms"),
                row("CreateCloudRecording calls", creates + " (" + String.format("%.3f", createsPerResource) + " per resource)"),
                row("RequestLimitExceeded answers", String.valueOf(throttled)),
                row("API calls per recording", String.format("%.2f over a %d s life (%.2f Describe)", callsPerRecording, lifeSeconds, describesPerRecording)),
                row("operator peak RSS", String.format("%.0f MB", rssMb)),
                row("operator heap used", String.format("%.0f MB", heapUsedMb)),
                row("operator start-up to ready", startupMs + " ms"),
                row("idle apply -> taskId p50/p99", idleSamples == 0 ? "not measured (--idle N)"
                        : String.format("%.0f / %.0f ms over %d single applies", idleP50Ms, idleP99Ms, idleSamples)),
                row("quiet namespace during the burst", fairnessQuietMs == 0 ? "not measured (--fairness)"
                        : String.format("%.0f ms to taskId (%d of the burst had theirs by then)", fairnessQuietMs, fairnessBurstDone)),
                row("unrelated 100 KiB Secrets", unrelatedSecrets == 0 ? "not measured (--secrets N)"
                        : String.format("%d add %.1f MB of live heap", unrelatedSecrets, unrelatedSecretsHeapMb)),
                row("all live: heap after GC / RSS", String.format("%.1f MB (%.0f bytes per recording above the idle operator) / %.0f MB", liveHeapMb, liveBytesPerRecording, rssAtPlateauMb)),
                row("full GCs (not asked for) / back-to-back", fullGcs + " / longest run " + backToBackFullGcs + String.format(", %.1f s of GC in all", gcSeconds)),
                row("OutOfMemoryError or operator died", String.valueOf(outOfMemory)),
                row("operator JVM flags", jvmFlags.isEmpty() ? "(none; JVM defaults)" : jvmFlags),
                row("machine", cores + " cores, Java " + java + ", load average at the end " + loadAverage));
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    private static String row(String name, String value) {
        return String.format("  %-38s %s", name, value);
    }
}
