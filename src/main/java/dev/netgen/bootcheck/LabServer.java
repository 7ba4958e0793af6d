package dev.netgen.bootcheck;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The running lab boot server VM and the ssh access netgen apply uses: a key made for this run, and a
 * known_hosts entry with the image's own host key (apply checks host keys, and so does the lab).
 */
final class LabServer {
    static final String READY = "netgen-lab: ready";

    private final Vm vm;
    private final int sshPort;
    private final Path sshConfig;
    private final List<ConsoleLine> log;

    private LabServer(Vm vm, int sshPort, Path sshConfig, List<ConsoleLine> log) {
        this.vm = vm;
        this.sshPort = sshPort;
        this.sshConfig = sshConfig;
        this.log = log;
    }

    /**
     * Boots the server and waits until its daemons run.
     *
     * @param addresses the server's addresses on the boot bridge, as ip/prefix
     * @param listener  told every server log line (client trackers pick theirs)
     */
    static LabServer start(ServerImage image, List<String> addresses, List<String> linkNetdevs, List<Path> disks, Path work,
            Consumer<ConsoleLine> listener, Cleanup cleanup) throws InterruptedException {
        Path key = work.resolve("id_ed25519");
        Tools.run(null, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "netgen-lab", "-f", key.toString()));
        int port = freeTcpPort();
        Path config = work.resolve("ssh_config");
        try {
            String pub = Files.readString(work.resolve("id_ed25519.pub")).strip().split(" ")[1];
            String hostKey = image.hostKey().split(" ")[0] + " " + image.hostKey().split(" ")[1];
            Files.writeString(work.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
            Files.writeString(config, """
                    Host 127.0.0.1
                      User root
                      Port %d
                      IdentityFile %s
                      IdentitiesOnly yes
                      UserKnownHostsFile %s
                      StrictHostKeyChecking yes
                      BatchMode yes
                      LogLevel ERROR
                    """.formatted(port, key, work.resolve("known_hosts")));
            StringBuilder append = new StringBuilder("console=ttyS0 quiet panic=-1 netgen.key=" + pub);
            addresses.forEach(a -> append.append(" netgen.addr=").append(a));
            List<ConsoleLine> log = new CopyOnWriteArrayList<>();
            CountDownLatch ready = new CountDownLatch(1);
            Vm vm = Vm.start("lab-server", Qemu.server(image, append.toString(), port, linkNetdevs, disks), "server",
                    work.resolve("qemu-server.err"), line -> {
                        log.add(line);
                        if (line.text().contains(READY)) {
                            ready.countDown();
                        }
                        listener.accept(line);
                    }, cleanup);
            LabServer server = new LabServer(vm, port, config, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!vm.alive() || System.nanoTime() > deadline) {
                    String why = vm.alive() ? "did not get ready within 120 s" : "stopped: " + Files.readString(work.resolve("qemu-server.err")).strip();
                    throw new NetgenException(ExitCode.BOOT_FAILED, "the lab boot server " + why + "; its console ended with:\n  "
                            + String.join("\n  ", server.tail(15)));
                }
            }
            return server;
        } catch (IOException e) {
            throw NetgenException.internal("cannot prepare ssh access to the lab server in " + work + ": " + e.getMessage(), e);
        }
    }

    /** The apply target's ssh destination: the lab's address and port standing in for the real server's. */
    String sshDestination() {
        return "root@127.0.0.1:" + sshPort;
    }

    Path sshConfig() {
        return sshConfig;
    }

    /** Runs a command on the server over ssh; fails with its output. */
    String ssh(String command) {
        return Tools.run(null, List.of("ssh", "-F", sshConfig.toString(), "127.0.0.1", command));
    }

    List<String> tail(int n) {
        List<String> all = new ArrayList<>(log.stream().map(ConsoleLine::text).toList());
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    void stop() {
        vm.close();
    }

    private static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw NetgenException.internal("no free TCP port on loopback: " + e.getMessage(), e);
        }
    }
}
