package com.tencentcloud.trtc.operator.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code sandbox [options]}: runs a {@link Sandbox} until Ctrl-C or {@code --duration} (see
 * {@link SandboxOptions#USAGE}). Without {@code --verbose} or {@code LOG_LEVEL}, only warnings of the libraries and
 * errors of the operator are logged, so the status lines stand out (they carry what the operator's warnings say).
 *
 * <p>Exit status: 2 for bad options (one line on standard error), 1 when the sandbox cannot start, and after a
 * {@code --duration} run {@link Sandbox#exitStatus()}: 0 when every CloudRecording got a TaskId and none is stalled;
 * 130 after Ctrl-C.
 */
public final class SandboxCommand {

    /** Held so that the level set on it is not lost when the logger is garbage-collected. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private SandboxCommand() {
    }

    /** Runs the command with the process's environment and standard streams. */
    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help")) {
            out.println(SandboxOptions.USAGE);
            return 0;
        }
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sandbox: " + e.getMessage());
            err.println(SandboxOptions.USAGE);
            return 2;
        }
        Runnable restoreLogs = !options.verbose() && env.get("LOG_LEVEL") == null ? quietLogs() : () -> { };
        try {
            return runSandbox(options, env, out, err);
        } finally {
            restoreLogs.run();
        }
    }

    private static int runSandbox(SandboxOptions options, Map<String, String> env, PrintStream out, PrintStream err) {
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options, env, out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("sandbox: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> {
            out.println("sandbox: stopping");
            out.flush();
            sandbox.close();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            sandbox.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sandbox.isClosed()) {
            return 130;
        }
        int status = sandbox.exitStatus();
        sandbox.close();
        Runtime.getRuntime().removeShutdownHook(hook);
        return status;
    }

    /** Lowers the logs to warnings (the operator's to errors) and returns what restores the previous levels. */
    private static Runnable quietLogs() {
        java.util.logging.Level mockServerLevel = MOCK_SERVER_LOG.getLevel();
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return () -> MOCK_SERVER_LOG.setLevel(mockServerLevel);
        }
        Map<String, Level> quiet = Map.of(Logger.ROOT_LOGGER_NAME, Level.WARN, "com.tencentcloud.trtc.operator", Level.ERROR,
                "io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils", Level.ERROR);
        Map<String, Level> before = new HashMap<>();
        quiet.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        return () -> {
            MOCK_SERVER_LOG.setLevel(mockServerLevel);
            before.forEach((name, level) -> context.getLogger(name).setLevel(level));
        };
    }
}
