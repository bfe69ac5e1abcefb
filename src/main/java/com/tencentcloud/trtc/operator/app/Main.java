package com.tencentcloud.trtc.operator.app;

import ch.qos.logback.classic.Level;
import com.tencentcloud.trtc.operator.emulator.EmulatorCommand;
import com.tencentcloud.trtc.operator.reconciler.OperatorConfig;
import com.tencentcloud.trtc.operator.trtc.HttpTrtcClient;
import com.tencentcloud.trtc.operator.trtc.TrtcEndpoint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code java -jar trtc-recording-operator.jar [run | emulator ... | help]}.
 *
 * <p>{@code run} (the default) runs the operator against the cluster of the current kubeconfig or, in a pod,
 * the in-cluster configuration. Configuration errors stop start-up with one line naming the variable and
 * exit status 2.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    static final String SANDBOX_COMMAND = "com.tencentcloud.trtc.operator.sandbox.SandboxCommand";
    static final String SANDBOX_NOT_HERE = "trtc-recording-operator: the sandbox is not in this image; from a clone of"
            + " the repository run: mvn -B -DskipTests package && java -jar target/trtc-recording-operator.jar sandbox";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> run(System.getenv());
            case "emulator" -> exitOnFailure(EmulatorCommand.run(rest));
            case "sandbox" -> System.exit(sandbox(rest));
            case "help", "--help", "-h" -> System.out.println(usage());
            default -> {
                System.err.println("trtc-recording-operator: unknown command '" + command + "'\n" + usage());
                System.exit(2);
            }
        }
    }

    /**
     * Runs the sandbox command, found by name: the developer jar carries it, the image does not (docs/image.md), so
     * there this prints one line saying how to run it and returns 2.
     */
    static int sandbox(String[] args) {
        Class<?> command;
        try {
            command = Class.forName(SANDBOX_COMMAND);
        } catch (ClassNotFoundException | LinkageError e) {
            System.err.println(SANDBOX_NOT_HERE);
            return 2;
        }
        try {
            return (int) command.getMethod("run", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void exitOnFailure(int status) {
        if (status != 0) {
            System.exit(status);
        }
    }

    static String usage() {
        return """
                usage: java -jar trtc-recording-operator.jar [command]
                  run        run the operator against the current kubeconfig or in-cluster config (default)
                  sandbox    try it without a cluster or cloud account: API server, TRTC emulator, samples (sandbox --help)
                  emulator   run a local TRTC API emulator: emulator --port PORT --credential ID:KEY [...]
                  help       show this text
                configuration: environment variables TRTC_ENDPOINT, TRTC_REGION, TENCENTCLOUD_SECRET_ID,
                  TENCENTCLOUD_SECRET_KEY, WATCH_NAMESPACES, TRTC_RATE_LIMIT, TRTC_POLL_INTERVAL,
                  RECONCILE_THREADS, METRICS_PORT, METRICS_BIND_ADDRESS, LEADER_ELECTION, LEADER_ELECTION_NAMESPACE, LOG_LEVEL,
                  SERVER_SIDE_APPLY, CALLBACK_PORT, TRTC_CALLBACK_KEY (see README)""";
    }

    static void run(Map<String, String> env) throws IOException {
        OperatorConfig config;
        TrtcEndpoint endpoint;
        Level logLevel;
        try {
            config = OperatorConfig.fromEnv(env);
            endpoint = TrtcEndpoint.parse(config.trtcEndpoint());
            logLevel = LogLevel.parse(env);
        } catch (OperatorConfig.InvalidConfigException | IllegalArgumentException e) {
            System.err.println("trtc-recording-operator: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogLevel.apply(logLevel);
        LOG.info("Starting trtc-recording-operator with {}, logLevel={}", config, logLevel);
        KubernetesClient client = new KubernetesClientBuilder().build();
        OperatorAssembly.Tuning tuning = OperatorAssembly.Tuning.production();
        OperatorAssembly operator = OperatorAssembly.assemble(config, client,
                new HttpTrtcClient(endpoint, tuning.clock()), tuning);
        Runtime.getRuntime().addShutdownHook(new Thread(operator::close, "shutdown"));
        operator.start();
        LOG.info("Operator started; /healthz, /readyz and /metrics on port {}{}", operator.port(),
                config.callbackPort().map(p -> "; TRTC callbacks on port " + operator.callbackPort() + " at /trtc/callback").orElse(""));
    }
}
