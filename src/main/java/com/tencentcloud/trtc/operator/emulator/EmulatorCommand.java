package com.tencentcloud.trtc.operator.emulator;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code emulator --port PORT --credential ID:KEY [--credential ID:KEY ...] [--hour-length DURATION]
 * [--rate-limit N] [--max-live-tasks N] [--sdk-app SDKAPPID:SDKSECRETKEY ...] [--callback-url URL --callback-key KEY]}:
 * runs a {@link TrtcEmulator} on 127.0.0.1 until the process is stopped. With {@code --sdk-app}, only the declared
 * apps exist and their UserSigs are verified; with {@code --callback-url} and {@code --callback-key}, every task
 * sends TRTC's signed recording callbacks there.
 *
 * <p>{@code --hour-length} takes an ISO-8601 duration ({@code PT1M}) or seconds ({@code 60}). Each call is logged
 * on one line by the emulator; the keys are never logged.
 */
public final class EmulatorCommand {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorCommand.class);

    private EmulatorCommand() {
    }

    /** Parsed command line. */
    record Options(int port, List<String[]> credentials, Duration hourLength, int rateLimit, int maxLiveTasks,
                   Map<Long, String> sdkApps, java.net.URI callbackUrl, String callbackKey) {
    }

    /**
     * Starts the emulator and blocks until the JVM shuts down (then returns 0). Returns 2 at once for bad
     * arguments and 1 when the port cannot be bound, after a one-line message on standard error.
     */
    public static int run(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("emulator: " + e.getMessage());
            System.err.println("usage: emulator --port PORT --credential SECRET_ID:SECRET_KEY [--credential ...]"
                    + " [--hour-length PT1H|SECONDS] [--rate-limit 20] [--max-live-tasks 100]"
                    + " [--sdk-app SDKAPPID:SDKSECRETKEY ...] [--callback-url URL --callback-key KEY]");
            return 2;
        }
        TrtcEmulator emulator;
        try {
            emulator = build(options).start();
        } catch (UncheckedIOException e) {
            System.err.println("emulator: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "trtc-emulator-shutdown"));
        LOG.info("TRTC emulator listening on {} with {} credential(s), hour length {}", emulator.baseUrl(),
                options.credentials().size(), options.hourLength());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static TrtcEmulator build(Options options) {
        TrtcEmulator.Builder builder = TrtcEmulator.builder().port(options.port()).hourLength(options.hourLength())
                .rateLimitPerSecond(options.rateLimit()).maxLiveTasksPerApp(options.maxLiveTasks());
        options.credentials().forEach(c -> builder.credential(c[0], c[1]));
        options.sdkApps().forEach(builder::sdkApp);
        if (options.callbackUrl() != null) {
            builder.callbacks(options.callbackUrl(), options.callbackKey());
        }
        return builder.build();
    }

    static Options parse(String[] args) {
        Integer port = null;
        List<String[]> credentials = new ArrayList<>();
        Map<Long, String> sdkApps = new LinkedHashMap<>();
        Duration hourLength = Duration.ofHours(1);
        int rateLimit = 20;
        int maxLiveTasks = 100;
        java.net.URI callbackUrl = null;
        String callbackKey = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = number(flag, value);
                case "--credential" -> credentials.add(pair(flag, value, "SECRET_ID:SECRET_KEY"));
                case "--sdk-app" -> {
                    String[] app = pair(flag, value, "SDKAPPID:SDKSECRETKEY");
                    sdkApps.put(sdkAppId(app[0]), app[1]);
                }
                case "--hour-length" -> hourLength = duration(value);
                case "--rate-limit" -> rateLimit = number(flag, value);
                case "--max-live-tasks" -> maxLiveTasks = number(flag, value);
                case "--callback-url" -> callbackUrl = url(value);
                case "--callback-key" -> callbackKey = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (port == null) {
            throw new IllegalArgumentException("--port is required");
        }
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("at least one --credential is required");
        }
        if ((callbackUrl == null) != (callbackKey == null)) {
            throw new IllegalArgumentException("--callback-url and --callback-key go together");
        }
        return new Options(port, credentials, hourLength, rateLimit, maxLiveTasks, sdkApps, callbackUrl, callbackKey);
    }

    private static String[] pair(String flag, String value, String shape) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException(flag + " takes " + shape);
        }
        return new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    private static java.net.URI url(String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--callback-url takes an http:// or https:// URL, not " + value);
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a number, not " + value);
        }
    }

    private static long sdkAppId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sdk-app takes a numeric SdkAppId, not " + value);
        }
    }

    private static Duration duration(String value) {
        try {
            Duration d = value.startsWith("P") || value.startsWith("p") ? Duration.parse(value) : Duration.ofSeconds(Long.parseLong(value));
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("--hour-length must be positive");
            }
            return d;
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("--hour-length takes an ISO-8601 duration or seconds, not " + value);
        }
    }
}
