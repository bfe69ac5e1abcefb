package com.tencentcloud.trtc.operator.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Helm CLI of the IT tier: {@code cmd/helm} of the version pinned in {@code src/test/helm/go.mod}, built by
 * {@code src/test/helm/provision} into {@code $HELM_CLI_DIR} (default {@code ~/.cache/trtc-recording-operator/helm})
 * {@code /<version>/helm}. As a JUnit extension it skips an IT where the binary is absent, with a message saying how
 * to get it, except under {@code CI=true}, where that fails the IT instead.
 */
public final class HelmCli implements ExecutionCondition {

    static final Path GO_MOD = Path.of("src", "test", "helm", "go.mod");
    private static final Pattern HELM_REQUIRE = Pattern.compile("(?m)^\\s*(?:require\\s+)?helm\\.sh/helm/v3\\s+(v\\S+)");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(path())) {
            return ConditionEvaluationResult.enabled("helm " + version() + " at " + path());
        }
        String reason = "no helm " + version() + " at " + path() + ": run 'bash src/test/helm/provision' (needs Go;"
                + " 'mvn -B verify' runs it) to run the ITs that drive Helm";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException(reason + " (CI=true: a skipped IT fails the run)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /** The pinned version, such as {@code v3.21.4}. */
    public static String version() {
        try {
            Matcher m = HELM_REQUIRE.matcher(Files.readString(GO_MOD));
            if (!m.find()) {
                throw new IllegalStateException(GO_MOD + " requires no helm.sh/helm/v3 version");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GO_MOD, e);
        }
    }

    /** Where the provisioning script puts the binary. */
    public static Path path() {
        String base = Optional.ofNullable(System.getenv("HELM_CLI_DIR")).orElse(
                new File(System.getProperty("user.home"), ".cache/trtc-recording-operator/helm").getPath());
        return Path.of(base, version(), "helm");
    }
}
