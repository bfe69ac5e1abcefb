package com.tencentcloud.trtc.operator.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The previous release of this operator, built from the repository's own history by
 * {@code src/test/upgrade/build-previous-release} (the commit is recorded in {@code src/test/upgrade/previous-release}):
 * its source tree, with its jar, CRDs, kustomize tree and chart.
 */
public final class PreviousRelease {

    static final Path SCRIPT = Path.of("src", "test", "upgrade", "build-previous-release");
    private static Path built;

    private PreviousRelease() {
    }

    /** Builds it on first use (minutes; cached across runs) and returns its folder; fails with the script's message. */
    public static synchronized Path dir() {
        if (built != null) {
            return built;
        }
        try {
            Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve("build-previous-release.log");
            Process p = new ProcessBuilder("bash", SCRIPT.toString()).redirectError(log.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("building the previous release failed:\n" + Files.readString(log));
            }
            built = Path.of(out.substring(out.lastIndexOf('\n') + 1));
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path jar() {
        return dir().resolve("target").resolve("trtc-recording-operator.jar");
    }

    public static Path crds() {
        return dir().resolve("crds");
    }

    public static Path configDefault() {
        return dir().resolve("config").resolve("default");
    }

    public static Path chart() {
        return dir().resolve("charts").resolve("trtc-recording-operator");
    }
}
