package dev.netgen.bootcheck;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A point-to-point Ethernet cable between the lab server and one client slot: QEMU {@code -netdev dgram}
 * over two loopback UDP ports picked for this run, so no frame leaves the machine and no other run
 * (which picks other ports) can see it.
 */
record Link(int serverPort, int clientPort) {
    static Link allocate() {
        return new Link(freeUdpPort(), freeUdpPort());
    }

    String serverNetdev(String id) {
        return netdev(id, serverPort, clientPort);
    }

    String clientNetdev(String id) {
        return netdev(id, clientPort, serverPort);
    }

    private static String netdev(String id, int local, int remote) {
        return "dgram,id=" + id + ",local.type=inet,local.host=127.0.0.1,local.port=" + local
                + ",remote.type=inet,remote.host=127.0.0.1,remote.port=" + remote;
    }

    private static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw NetgenException.internal("no free UDP port on loopback: " + e.getMessage(), e);
        }
    }
}
