package com.tencentcloud.trtc.operator.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sockets a process tree listens on, read from Linux's {@code /proc}: TCP sockets in state LISTEN and bound UDP
 * sockets, IPv4 and IPv6, each with the process that holds it. The sandbox uses it to prove that nothing it started
 * is reachable from the network.
 */
public final class ListeningSockets {

    /** One listening socket, held by process {@code pid} running {@code command}. */
    public record Listener(long pid, String command, String protocol, InetAddress address, int port) {

        /** Whether only this machine can reach it (127.0.0.0/8 or ::1). */
        public boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            String host = address.getHostAddress();
            return command + " (pid " + pid + ") " + protocol + " " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private static final Path PROC = Path.of("/proc");
    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";

    private ListeningSockets() {
    }

    /** Whether this system exposes its sockets through {@code /proc/net} (Linux); elsewhere nothing can be read. */
    public static boolean readable() {
        return Files.isReadable(PROC.resolve("net/tcp"));
    }

    /** The sockets that {@code root} and all its descendants listen on; empty where {@link #readable()} is false. */
    public static List<Listener> ofTree(ProcessHandle root) {
        if (!readable()) {
            return List.of();
        }
        Map<Long, Socket> byInode = new HashMap<>();
        read("tcp", TCP_LISTEN, false, byInode);
        read("tcp6", TCP_LISTEN, true, byInode);
        read("udp", UDP_UNCONNECTED, false, byInode);
        read("udp6", UDP_UNCONNECTED, true, byInode);
        List<Listener> listeners = new ArrayList<>();
        Stream.concat(Stream.of(root), root.descendants()).forEach(p -> {
            String command = p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
            for (long inode : socketInodes(p.pid())) {
                Socket s = byInode.get(inode);
                if (s != null) {
                    listeners.add(new Listener(p.pid(), command, s.protocol(), s.address(), s.port()));
                }
            }
        });
        return listeners;
    }

    private record Socket(String protocol, InetAddress address, int port) {
    }

    private static void read(String table, String state, boolean ipv6, Map<Long, Socket> into) {
        List<String> lines;
        try {
            lines = Files.readAllLines(PROC.resolve("net").resolve(table));
        } catch (IOException e) {
            return;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !state.equals(f[3])) {
                continue;
            }
            int colon = f[1].indexOf(':');
            parseAddress(f[1].substring(0, colon), ipv6).ifPresent(address ->
                    into.put(Long.parseLong(f[9]), new Socket(table.replace("6", ""), address,
                            Integer.parseInt(f[1].substring(colon + 1), 16))));
        }
    }

    /** {@code /proc/net} writes each 32-bit word of the address in host (little-endian) byte order. */
    static Optional<InetAddress> parseAddress(String hex, boolean ipv6) {
        byte[] bytes = new byte[ipv6 ? 16 : 4];
        if (hex.length() != bytes.length * 2) {
            return Optional.empty();
        }
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static List<Long> socketInodes(long pid) {
        List<Long> inodes = new ArrayList<>();
        try (Stream<Path> fds = Files.list(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // the descriptor closed while it was listed
                }
            });
        } catch (IOException e) {
            // the process ended, or is not ours to read
        }
        return inodes;
    }
}
