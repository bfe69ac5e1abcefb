package com.tencentcloud.trtc.operator.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * {@code java -jar target/trtc-recording-operator.jar [args]} as its own process, as a user starts it: its own
 * environment only (nothing of the test JVM's), its output in a log file under {@code target/it-logs/}.
 */
public final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "trtc-recording-operator.jar");
    private static final Pattern STARTED = Pattern.compile("Operator started; .* on port (\\d+)");

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the jar with exactly {@code env} (plus {@code PATH} and {@code HOME}), writing its output to {@code name}.log. */
    public static JarProcess start(String name, Map<String, String> env, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the ITs run after 'package' (mvn -B verify)");
        }
        return start(JAR, name, env, args);
    }

    /** As {@link #start(String, Map, String...)}, with another build's jar (an earlier release's). */
    public static JarProcess start(Path jar, String name, Map<String, String> env, String... args) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-logs"));
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().put("HOME", System.getProperty("user.home"));
            builder.environment().putAll(env);
            return new JarProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the process has printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the output has a line that {@code test} accepts, failing early when the process ends. */
    public String awaitLine(Predicate<String> test, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Optional<String> line = output().lines().filter(test).findFirst();
                    if (line.isEmpty() && !process.isAlive()) {
                        throw new IllegalStateException("the process ended with " + process.exitValue() + ":\n" + output());
                    }
                    return line;
                }, Optional::isPresent).orElseThrow();
    }

    /** The health port the operator reports once it has started. */
    public int awaitOperatorStarted(Duration timeout) {
        Matcher m = STARTED.matcher(awaitLine(l -> STARTED.matcher(l).find(), timeout));
        m.find();
        return Integer.parseInt(m.group(1));
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the crash a restart must survive. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
