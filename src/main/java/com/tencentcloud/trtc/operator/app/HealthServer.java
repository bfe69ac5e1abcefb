package com.tencentcloud.trtc.operator.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (the operator started and its informers are healthy) and
 * {@code /metrics} (Prometheus text format) on {@code METRICS_PORT}, for the Deployment's probes and for scraping.
 */
public final class HealthServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on every interface at {@code port} (0 picks a free one), without {@code /metrics}. */
    public static HealthServer start(int port, BooleanSupplier ready) throws IOException {
        return start(port, ready, null);
    }

    /**
     * Listens on every interface at {@code port} (0 picks a free one): in a cluster the kubelet probes the pod's IP.
     *
     * @param metrics the Prometheus text for {@code /metrics}, or null for no such path
     */
    public static HealthServer start(int port, BooleanSupplier ready, Supplier<String> metrics) throws IOException {
        return start(new InetSocketAddress(port), ready, metrics);
    }

    /**
     * Listens at {@code address} (port 0 picks a free one); the sandbox binds loopback only.
     *
     * @param metrics the Prometheus text for {@code /metrics}, or null for no such path
     */
    public static HealthServer start(InetSocketAddress address, BooleanSupplier ready, Supplier<String> metrics)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        if (metrics != null) {
            server.createContext("/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
        }
        server.createContext("/healthz", exchange -> answer(exchange, 200, "ok"));
        server.createContext("/readyz", exchange -> {
            boolean isReady = ready.getAsBoolean();
            answer(exchange, isReady ? 200 : 503, isReady ? "ready" : "not ready");
        });
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new HealthServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int code, String body) throws IOException {
        answer(exchange, code, "text/plain; charset=utf-8", body + "\n");
    }

    private static void answer(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
