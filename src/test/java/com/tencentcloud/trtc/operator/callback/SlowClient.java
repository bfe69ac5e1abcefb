package com.tencentcloud.trtc.operator.callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A client that sends a callback request a few bytes every 2 s (slowloris), in its headers or in a body announced as
 * 1000 bytes, until the server answers or closes the connection; for tests of every package.
 */
public final class SlowClient {

    /** How the connection ended: answered, or cut off by the server, {@code seconds} after it opened. */
    public record End(boolean answered, double seconds) {
    }

    private SlowClient() {
    }

    /** Connects to 127.0.0.1:{@code port}, counts down {@code started} once its first bytes are sent, and trickles. */
    public static End trickle(int port, boolean inBody, CountDownLatch started) throws IOException {
        long opened = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String opening = "POST " + CallbackServer.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (inBody ? "Content-Length: 1000\r\n\r\n{" : "X-Slow: ");
            out.write(opening.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            started.countDown();
            socket.setSoTimeout(2_000);
            long giveUp = opened + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < giveUp) {
                try {
                    int b = in.read();
                    return new End(b != -1, since(opened));
                } catch (SocketTimeoutException stillOpen) {
                    try {
                        out.write((inBody ? "\"a\":1" : "abcd").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException closed) {
                        return new End(false, since(opened));
                    }
                } catch (IOException reset) {
                    return new End(false, since(opened));
                }
            }
            return new End(false, Double.POSITIVE_INFINITY);
        }
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
