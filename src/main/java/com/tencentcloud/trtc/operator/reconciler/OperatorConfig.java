package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.trtc.Credentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's settings, read from environment variables (design §6). Every value is checked here, at
 * start-up: a bad one raises {@link InvalidConfigException} whose one-line message names the variable.
 *
 * @param trtcEndpoint            {@code TRTC_ENDPOINT}: host or URL of the TRTC API
 * @param defaultRegion           {@code TRTC_REGION}: region for resources that name none
 * @param defaultCredentials      {@code TENCENTCLOUD_SECRET_ID} + {@code TENCENTCLOUD_SECRET_KEY}: for resources
 *                                without {@code credentialsSecretRef}; empty when not set
 * @param watchNamespaces         {@code WATCH_NAMESPACES}: namespaces to watch; empty = all
 * @param rateLimitPerSecond      {@code TRTC_RATE_LIMIT}: TRTC requests per second per action, at most 20
 * @param pollInterval            {@code TRTC_POLL_INTERVAL}: how often a live task is described
 * @param reconcileThreads        {@code RECONCILE_THREADS}: concurrent reconciles
 * @param metricsPort             {@code METRICS_PORT}: port of /healthz, /readyz and /metrics
 * @param leaderElection          {@code LEADER_ELECTION}: run as one of several replicas with a Lease
 * @param leaderElectionNamespace {@code LEADER_ELECTION_NAMESPACE} (else {@code POD_NAMESPACE}): where the Lease is
 * @param serverSideApply         {@code SERVER_SIDE_APPLY}: whether JOSDK's patches of primary resources use server-side
 *                                apply; the CloudRecording controller writes its finalizer itself and makes none
 * @param callbackPort            {@code CALLBACK_PORT}: port of the TRTC callback receiver (design §8); empty = no receiver
 * @param defaultCallbackKey      {@code TRTC_CALLBACK_KEY}: the callback key of resources without
 *                                {@code credentialsSecretRef}; empty when not set
 * @param metricsBindAddress      {@code METRICS_BIND_ADDRESS}: the IP address /healthz, /readyz and /metrics listen on;
 *                                default every interface (in a cluster the kubelet probes the pod's IP), {@code 127.0.0.1}
 *                                to keep them on this machine
 * @param maxConcurrentTasks      {@code TRTC_MAX_CONCURRENT_TASKS}: live tasks per SdkAppId before new recordings
 *                                wait in line (design §11); default {@value #DEFAULT_MAX_CONCURRENT_TASKS}
 */
public record OperatorConfig(String trtcEndpoint, String defaultRegion, Optional<Credentials> defaultCredentials,
                             Set<String> watchNamespaces, double rateLimitPerSecond, Duration pollInterval,
                             int reconcileThreads, int metricsPort, boolean leaderElection,
                             String leaderElectionNamespace, boolean serverSideApply, Optional<Integer> callbackPort,
                             Optional<String> defaultCallbackKey, InetAddress metricsBindAddress,
                             int maxConcurrentTasks) {

    /** With the default task limit per SdkAppId. */
    public OperatorConfig(String trtcEndpoint, String defaultRegion, Optional<Credentials> defaultCredentials,
                          Set<String> watchNamespaces, double rateLimitPerSecond, Duration pollInterval,
                          int reconcileThreads, int metricsPort, boolean leaderElection,
                          String leaderElectionNamespace, boolean serverSideApply, Optional<Integer> callbackPort,
                          Optional<String> defaultCallbackKey, InetAddress metricsBindAddress) {
        this(trtcEndpoint, defaultRegion, defaultCredentials, watchNamespaces, rateLimitPerSecond, pollInterval,
                reconcileThreads, metricsPort, leaderElection, leaderElectionNamespace, serverSideApply, callbackPort,
                defaultCallbackKey, metricsBindAddress, DEFAULT_MAX_CONCURRENT_TASKS);
    }

    /** Without the callback receiver. */
    public OperatorConfig(String trtcEndpoint, String defaultRegion, Optional<Credentials> defaultCredentials,
                          Set<String> watchNamespaces, double rateLimitPerSecond, Duration pollInterval,
                          int reconcileThreads, int metricsPort, boolean leaderElection,
                          String leaderElectionNamespace, boolean serverSideApply, InetAddress metricsBindAddress) {
        this(trtcEndpoint, defaultRegion, defaultCredentials, watchNamespaces, rateLimitPerSecond, pollInterval,
                reconcileThreads, metricsPort, leaderElection, leaderElectionNamespace, serverSideApply, Optional.empty(),
                Optional.empty(), metricsBindAddress);
    }

    public static final String DEFAULT_ENDPOINT = "trtc.tencentcloudapi.com";
    public static final String DEFAULT_REGION = "ap-guangzhou";
    public static final Set<String> REGIONS = Set.of("ap-beijing", "ap-guangzhou", "ap-shanghai", "ap-singapore", "ap-mumbai");
    public static final double MAX_RATE_LIMIT = 20;
    /** TRTC's own default limit of live recording tasks per application (trtc-api.md §6.10). */
    public static final int DEFAULT_MAX_CONCURRENT_TASKS = 100;
    /**
     * Concurrent reconciles. A create holds its thread for a few Kubernetes round trips besides its TRTC call, so
     * enough threads must wait at each account's rate limiter to use every permit, and the accounts share the one
     * pool: about 20 threads per account bursting at once. With two accounts of 300 recordings each (AccountsIT, 2
     * cores) all were created at 1.38x one account's floor with 20 threads, at 1.17x with 40; a 1,000-resource burst
     * of one account drained at 1.07x to 1.20x the 50 s floor with either, a spread of one build from run to run
     * (bench/run --real-api-server).
     */
    public static final int DEFAULT_RECONCILE_THREADS = 40;
    /**
     * Objects per page of every informer's list (the first list after a start, and any re-list after a lost
     * watch): each page is parsed and stored before the next is asked for, so start-up memory does not grow with the
     * number of resources in one response (10,000 CloudRecordings are about 30 MB of JSON). 250 pages of even the
     * largest recordings (200 files) stay under 10 MB; 50,000 recordings take 200 requests.
     */
    public static final long INFORMER_LIST_LIMIT = 250;
    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(5);
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** Thrown when a variable has a value the operator cannot use. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String variable, String problem) {
            super(variable + ": " + problem);
        }
    }

    @Override
    public String toString() {
        return "OperatorConfig[endpoint=" + trtcEndpoint + ", region=" + defaultRegion
                + ", defaultCredentials=" + defaultCredentials.map(c -> "secretId " + c.secretId()).orElse("none")
                + ", watchNamespaces=" + (watchNamespaces.isEmpty() ? "all" : watchNamespaces)
                + ", rateLimit=" + rateLimitPerSecond + "/s, pollInterval=" + pollInterval
                + ", reconcileThreads=" + reconcileThreads + ", metricsPort=" + metricsPort
                + ", metricsBindAddress=" + metricsBindAddress.getHostAddress() + ", leaderElection=" + leaderElection
                + ", callbackPort=" + callbackPort.map(String::valueOf).orElse("none")
                + ", defaultCallbackKey=" + defaultCallbackKey.map(k -> "<redacted>").orElse("none")
                + ", maxConcurrentTasks=" + maxConcurrentTasks + "]";
    }

    /** Reads and checks the variables in {@code env}. */
    public static OperatorConfig fromEnv(Map<String, String> env) {
        String endpoint = value(env, "TRTC_ENDPOINT").orElse(DEFAULT_ENDPOINT);
        String region = value(env, "TRTC_REGION").orElse(DEFAULT_REGION);
        if (!REGIONS.contains(region)) {
            throw new InvalidConfigException("TRTC_REGION", "'" + region + "' is not one of " + String.join(", ", REGIONS.stream().sorted().toList()));
        }
        Optional<String> id = value(env, "TENCENTCLOUD_SECRET_ID");
        Optional<String> key = value(env, "TENCENTCLOUD_SECRET_KEY");
        if (id.isPresent() != key.isPresent()) {
            throw new InvalidConfigException(id.isPresent() ? "TENCENTCLOUD_SECRET_KEY" : "TENCENTCLOUD_SECRET_ID",
                    "must be set together with " + (id.isPresent() ? "TENCENTCLOUD_SECRET_ID" : "TENCENTCLOUD_SECRET_KEY"));
        }
        Optional<Credentials> credentials = id.map(i -> new Credentials(i, key.get(), value(env, "TENCENTCLOUD_SECRET_TOKEN").orElse(null)));
        Set<String> namespaces = new LinkedHashSet<>();
        value(env, "WATCH_NAMESPACES").ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(namespaces::add));
        namespaces.stream().filter(ns -> !NAMESPACE.matcher(ns).matches()).findFirst().ifPresent(ns -> {
            throw new InvalidConfigException("WATCH_NAMESPACES", "'" + ns + "' is not a namespace name"
                    + " (lowercase letters, digits and '-', at most 63 characters)");
        });
        double rate = value(env, "TRTC_RATE_LIMIT").map(v -> parseRate(v)).orElse(MAX_RATE_LIMIT);
        Duration poll = value(env, "TRTC_POLL_INTERVAL").map(v -> parseDuration("TRTC_POLL_INTERVAL", v)).orElse(Duration.ofSeconds(30));
        if (poll.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new InvalidConfigException("TRTC_POLL_INTERVAL", "must be at least 5s, got '" + env.get("TRTC_POLL_INTERVAL") + "'");
        }
        int threads = value(env, "RECONCILE_THREADS").map(v -> parseInt("RECONCILE_THREADS", v, 1, 200)).orElse(DEFAULT_RECONCILE_THREADS);
        int port = value(env, "METRICS_PORT").map(v -> parseInt("METRICS_PORT", v, 0, 65535)).orElse(8080);
        boolean leader = value(env, "LEADER_ELECTION").map(v -> parseBoolean("LEADER_ELECTION", v)).orElse(false);
        String leaseNamespace = value(env, "LEADER_ELECTION_NAMESPACE").or(() -> value(env, "POD_NAMESPACE")).orElse(null);
        if (leader && leaseNamespace == null) {
            throw new InvalidConfigException("LEADER_ELECTION_NAMESPACE", "must be set (or POD_NAMESPACE) when LEADER_ELECTION=true");
        }
        boolean ssa = value(env, "SERVER_SIDE_APPLY").map(v -> parseBoolean("SERVER_SIDE_APPLY", v)).orElse(true);
        Optional<Integer> callbackPort = value(env, "CALLBACK_PORT").map(v -> parseInt("CALLBACK_PORT", v, 0, 65535));
        if (callbackPort.isPresent() && callbackPort.get() != 0 && callbackPort.get() == port) {
            throw new InvalidConfigException("CALLBACK_PORT", "must differ from METRICS_PORT (" + port + ")");
        }
        Optional<String> callbackKey = value(env, "TRTC_CALLBACK_KEY");
        InetAddress bind = value(env, "METRICS_BIND_ADDRESS").map(OperatorConfig::parseAddress)
                .orElseGet(() -> new InetSocketAddress(0).getAddress());
        int maxTasks = value(env, "TRTC_MAX_CONCURRENT_TASKS")
                .map(v -> parseInt("TRTC_MAX_CONCURRENT_TASKS", v, 1, 100_000)).orElse(DEFAULT_MAX_CONCURRENT_TASKS);
        return new OperatorConfig(endpoint, region, credentials, Set.copyOf(namespaces), rate, poll, threads, port, leader,
                leaseNamespace, ssa, callbackPort, callbackKey, bind, maxTasks);
    }

    /** Reads {@code variable}'s duration; see {@link #duration(String)} for the forms. */
    static Duration parseDuration(String variable, String text) {
        return duration(text).orElseThrow(() ->
                new InvalidConfigException(variable, "'" + text + "' is not a duration such as 30s, 2m or PT30S"));
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or an ISO-8601 duration such as {@code PT30S};
     * empty when the text is none of these. Shared by the environment variables and the command-line options.
     */
    public static Optional<Duration> duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double parseRate(String text) {
        try {
            double rate = Double.parseDouble(text.trim());
            if (rate > 0 && rate <= MAX_RATE_LIMIT) {
                return rate;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidConfigException("TRTC_RATE_LIMIT", "must be a number above 0 and at most 20 (the API's own limit), got '" + text + "'");
    }

    private static int parseInt(String variable, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidConfigException(variable, "must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    private static InetAddress parseAddress(String text) {
        String literal = text.trim();
        if (IPV4.matcher(literal).matches() || (literal.contains(":") && IPV6.matcher(literal).matches())) {
            try {
                return InetAddress.getByName(literal);
            } catch (UnknownHostException ignored) {
                // not an address after all; refused below
            }
        }
        throw new InvalidConfigException("METRICS_BIND_ADDRESS", "'" + text + "' is not an IP address such as 127.0.0.1 or 0.0.0.0");
    }

    private static boolean parseBoolean(String variable, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigException(variable, "must be true or false, got '" + text + "'");
        };
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
