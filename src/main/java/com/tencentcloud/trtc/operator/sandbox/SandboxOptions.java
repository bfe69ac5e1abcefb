package com.tencentcloud.trtc.operator.sandbox;

import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sandbox's command line.
 *
 * @param duration     {@code --duration}: stop after this long; empty = until Ctrl-C
 * @param samples      {@code --samples DIR}: the manifests to apply; empty = the built-in samples
 * @param namespace    {@code --namespace}: where manifests without a namespace go (default {@code default})
 * @param emulatorPort {@code --port}: the TRTC emulator's port on 127.0.0.1 (default 0, any free port)
 * @param hourLength   {@code --hour-length}: how long one ResourceExpiredHour lasts in the emulator (default 1h)
 * @param pollInterval {@code --poll-interval}: how often the operator describes a live task (default 5s)
 * @param apiServer    {@code --real-api-server} / {@code --mock-api-server}; default: real where binaries are found
 * @param kubeconfig   {@code --kubeconfig}: where the kubeconfig of a real API server is written
 * @param verbose      {@code --verbose}: show the operator's own log
 * @param anchorLeavesAfter {@code --anchor-leaves-after}: how long the simulated anchor stays in each room; empty =
 *                     until the end (then only Delete or the control surface ends a task)
 * @param failRecordingAfter {@code --fail-recording-after}: how long after each recording's first TaskId the emulator
 *                     ends that task by fault (302 with LeaveCode 100, the end Tencent advises recovering from); empty =
 *                     never
 */
public record SandboxOptions(Optional<Duration> duration, Optional<Path> samples, String namespace, int emulatorPort,
                             Duration hourLength, Duration pollInterval, ApiServerChoice apiServer, Path kubeconfig,
                             boolean verbose, Optional<Duration> anchorLeavesAfter, Optional<Duration> failRecordingAfter) {

    /** Which Kubernetes API the sandbox runs. */
    public enum ApiServerChoice {
        /** A real API server where kube-api-test's binaries are present, else the mock server; never downloads. */
        AUTO,
        /** The Fabric8 mock server. */
        MOCK,
        /** A real API server; kube-api-test may download its binaries (bounded by a timeout). */
        REAL
    }

    public static final String USAGE = "usage: sandbox [--duration 60s] [--samples DIR] [--namespace default]"
            + " [--port 0] [--hour-length 1h] [--poll-interval 5s] [--real-api-server | --mock-api-server]"
            + " [--kubeconfig target/sandbox/kubeconfig] [--anchor-leaves-after 20s] [--fail-recording-after 30s] [--verbose]";

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(5);

    /** The defaults: built-in samples, namespace {@code default}, real API server where possible, until Ctrl-C. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(Optional.empty(), Optional.empty(), "default", 0, Duration.ofHours(1),
                MIN_POLL_INTERVAL, ApiServerChoice.AUTO, Path.of("target", "sandbox", "kubeconfig"), false, Optional.empty(), Optional.empty());
    }

    /** A copy that runs on the mock server for {@code duration} (what tests and quick smoke runs use). */
    public SandboxOptions withMockApiServerFor(Duration duration) {
        return new SandboxOptions(Optional.of(duration), samples, namespace, emulatorPort, hourLength, pollInterval,
                ApiServerChoice.MOCK, kubeconfig, verbose, anchorLeavesAfter, failRecordingAfter);
    }

    /** A copy in which each simulated anchor leaves its room {@code after} it joined. */
    public SandboxOptions withAnchorLeavingAfter(Duration after) {
        return new SandboxOptions(duration, samples, namespace, emulatorPort, hourLength, pollInterval, apiServer,
                kubeconfig, verbose, Optional.of(after), failRecordingAfter);
    }

    /** A copy in which the emulator ends each recording's first task by fault (LeaveCode 100) {@code after} it started. */
    public SandboxOptions withRecordingFailingAfter(Duration after) {
        return new SandboxOptions(duration, samples, namespace, emulatorPort, hourLength, pollInterval, apiServer,
                kubeconfig, verbose, anchorLeavesAfter, Optional.of(after));
    }

    /** A copy that applies the manifests in {@code dir} instead of the built-in samples. */
    public SandboxOptions withSamples(Path dir) {
        return new SandboxOptions(duration, Optional.of(dir), namespace, emulatorPort, hourLength, pollInterval,
                apiServer, kubeconfig, verbose, anchorLeavesAfter, failRecordingAfter);
    }

    /**
     * Parses the arguments after {@code sandbox}.
     *
     * @throws IllegalArgumentException with a one-line message for an unknown option, a missing or bad value
     */
    public static SandboxOptions parse(String[] args) {
        SandboxOptions d = defaults();
        Optional<Duration> duration = d.duration();
        Optional<Path> samples = d.samples();
        String namespace = d.namespace();
        int port = d.emulatorPort();
        Duration hourLength = d.hourLength();
        Duration poll = d.pollInterval();
        ApiServerChoice api = d.apiServer();
        Path kubeconfig = d.kubeconfig();
        boolean verbose = false;
        Optional<Duration> anchorLeaves = Optional.empty();
        Optional<Duration> failRecording = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--real-api-server", "--mock-api-server" -> {
                    ApiServerChoice chosen = flag.equals("--real-api-server") ? ApiServerChoice.REAL : ApiServerChoice.MOCK;
                    if (api != ApiServerChoice.AUTO && api != chosen) {
                        throw new IllegalArgumentException("--real-api-server and --mock-api-server exclude each other");
                    }
                    api = chosen;
                }
                case "--verbose" -> verbose = true;
                case "--duration", "--samples", "--namespace", "--port", "--hour-length", "--poll-interval", "--kubeconfig",
                     "--anchor-leaves-after", "--fail-recording-after" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException(flag + " needs a value");
                    }
                    String value = args[++i];
                    switch (flag) {
                        case "--duration" -> duration = Optional.of(positive(flag, duration(flag, value)));
                        case "--samples" -> samples = Optional.of(directory(value));
                        case "--namespace" -> namespace = namespace(value);
                        case "--port" -> port = port(value);
                        case "--hour-length" -> hourLength = positive(flag, duration(flag, value));
                        case "--poll-interval" -> poll = pollInterval(value);
                        case "--anchor-leaves-after" -> anchorLeaves = Optional.of(positive(flag, duration(flag, value)));
                        case "--fail-recording-after" -> failRecording = Optional.of(positive(flag, duration(flag, value)));
                        default -> kubeconfig = Path.of(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new SandboxOptions(duration, samples, namespace, port, hourLength, poll, api, kubeconfig, verbose, anchorLeaves,
                failRecording);
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or an ISO-8601 duration such as {@code PT30S}. */
    static Duration duration(String flag, String text) {
        return OperatorConfig.duration(text).orElseThrow(() ->
                new IllegalArgumentException(flag + " takes a duration such as 30s, 2m or PT30S, not '" + text + "'"));
    }

    private static Duration positive(String flag, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return d;
    }

    private static Duration pollInterval(String text) {
        Duration d = duration("--poll-interval", text);
        if (d.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("--poll-interval must be at least 5s, not '" + text + "'");
        }
        return d;
    }

    private static Path directory(String value) {
        Path dir = Path.of(value);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--samples " + value + " is not a directory");
        }
        return dir;
    }

    private static String namespace(String value) {
        if (!NAMESPACE.matcher(value).matches()) {
            throw new IllegalArgumentException("--namespace " + value + " is not a valid namespace name");
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--port takes a port number from 0 to 65535, not '" + value + "'");
    }
}
