package com.tencentcloud.trtc.operator.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * promtool and the Prometheus Operator's CRDs, as {@code src/test/monitoring/provision} places them (its versions are
 * read from that script, the one place they are pinned).
 *
 * <p>As a JUnit extension it runs an IT when they are there and skips it with a message otherwise, except under
 * {@code CI=true}, where the skip fails the run (as {@link RealApiServer} does).
 */
public final class MonitoringTools implements ExecutionCondition {

    static final Path PROVISION = Path.of("src", "test", "monitoring", "provision");
    public static final String SERVICE_MONITORS_CRD = "monitoring.coreos.com_servicemonitors.yaml";
    public static final String PROMETHEUS_RULES_CRD = "monitoring.coreos.com_prometheusrules.yaml";

    /** What a promtool run printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (present()) {
            return ConditionEvaluationResult.enabled("promtool and the monitoring CRDs in " + dir());
        }
        String reason = "no promtool " + pinned("promtool_version") + " or monitoring CRDs in " + dir()
                + ": run 'bash " + PROVISION + "' (needs Go; 'mvn -B verify' runs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException(reason + " (CI=true: a skipped IT fails the run)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    public static Path dir() {
        return Path.of(Optional.ofNullable(System.getenv("MONITORING_TOOLS_DIR"))
                .orElse(Path.of(System.getProperty("user.home"), ".cache", "trtc-recording-operator", "monitoring").toString()));
    }

    public static Path promtool() {
        return dir().resolve("promtool-" + pinned("promtool_version")).resolve("promtool");
    }

    /** One of the Prometheus Operator's CRD files. */
    public static Path crd(String file) {
        return dir().resolve("prometheus-operator-" + pinned("crd_version")).resolve(file);
    }

    public static boolean present() {
        return Files.isExecutable(promtool()) && Files.isRegularFile(crd(SERVICE_MONITORS_CRD))
                && Files.isRegularFile(crd(PROMETHEUS_RULES_CRD));
    }

    /** Runs promtool with {@code args} in {@code workDir}, feeding it {@code stdin} (or nothing). */
    public static Result promtool(Path workDir, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(promtool().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool " + String.join(" ", args) + " did not finish:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pinned(String variable) {
        try {
            Matcher m = Pattern.compile("(?m)^" + variable + "=(\\S+)$").matcher(Files.readString(PROVISION));
            if (!m.find()) {
                throw new IllegalStateException(PROVISION + " pins no " + variable);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROVISION, e);
        }
    }
}
