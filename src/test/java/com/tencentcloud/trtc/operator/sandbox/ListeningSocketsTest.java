package com.tencentcloud.trtc.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void procAddressesAreReadWordByWordInHostByteOrder() throws Exception {
        assertThat(ListeningSockets.parseAddress("0100007F", false)).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.parseAddress("00000000", false)).contains(InetAddress.getByName("0.0.0.0"));
        assertThat(ListeningSockets.parseAddress("0B01A8C0", false)).contains(InetAddress.getByName("192.168.1.11"));
        assertThat(ListeningSockets.parseAddress("00000000000000000000000001000000", true)).contains(InetAddress.getByName("::1"));
        assertThat(ListeningSockets.parseAddress("00000000000000000000000000000000", true)).contains(InetAddress.getByName("::"));
        assertThat(ListeningSockets.parseAddress("0000000000000000FFFF00000100007F", true)).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.parseAddress("7F", false)).isEmpty();
    }

    @Test
    void aSocketOnLoopbackAndOneOnEveryInterfaceAreFoundAndTold() throws Exception {
        Assumptions.assumeTrue(ListeningSockets.readable(), "no /proc/net on this system");
        try (ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket wildcard = new ServerSocket()) {
            wildcard.bind(new InetSocketAddress(0));
            var listeners = ListeningSockets.ofTree(ProcessHandle.current());
            assertThat(listeners).filteredOn(l -> l.port() == loopback.getLocalPort())
                    .singleElement().satisfies(l -> {
                        assertThat(l.loopback()).isTrue();
                        assertThat(l.pid()).isEqualTo(ProcessHandle.current().pid());
                        assertThat(l.protocol()).isEqualTo("tcp");
                        assertThat(l.toString()).endsWith("tcp 127.0.0.1:" + loopback.getLocalPort());
                    });
            assertThat(listeners).filteredOn(l -> l.port() == wildcard.getLocalPort())
                    .singleElement().satisfies(l -> assertThat(l.loopback()).isFalse());
        }
    }
}
