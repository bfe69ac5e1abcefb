package com.tencentcloud.trtc.operator.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command-line client (kubectl, helm) run as a user runs it, with a kubeconfig of the test's. */
public final class Cli {

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    private Cli() {
    }

    /** Runs {@code command} with {@code KUBECONFIG=kubeconfig} and {@code HOME} in {@code home}; waits up to 5 minutes. */
    public static Result run(Path kubeconfig, Path home, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
            Map<String, String> env = builder.environment();
            env.put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
            env.put("HOME", home.toAbsolutePath().toString());
            env.put("HELM_CACHE_HOME", home.resolve(".cache/helm").toAbsolutePath().toString());
            env.put("HELM_CONFIG_HOME", home.resolve(".config/helm").toAbsolutePath().toString());
            env.put("HELM_DATA_HOME", home.resolve(".local/share/helm").toAbsolutePath().toString());
            Process p = builder.start();
            var err = p.getErrorStream();
            var errText = new java.util.concurrent.CompletableFuture<String>();
            Thread drain = new Thread(() -> {
                try {
                    errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    errText.complete("");
                }
            });
            drain.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 5 minutes");
            }
            drain.join();
            return new Result(p.exitValue(), out, errText.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
