package dev.netgen.apply;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.netgen.testsupport.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A boot server (sshd, dhcpd, xinetd + in.tftpd; no systemd) and a client container on a podman network
 * of their own, from the image ci/setup.d/35-bootserver-image.sh builds. ssh reaches the server through
 * a mapped port on localhost with a host key and a login key made for this run.
 */
final class BootServerLab implements AutoCloseable {
    final Path dir;
    final String prefix;
    final Network network;
    final GenericContainer<?> server;
    final GenericContainer<?> client;
    final Path sshConfig;
    final String serverIp;

    private BootServerLab(Path dir, String prefix, Network network, GenericContainer<?> server, GenericContainer<?> client,
            Path sshConfig, String serverIp) {
        this.dir = dir;
        this.prefix = prefix;
        this.network = network;
        this.server = server;
        this.client = client;
        this.sshConfig = sshConfig;
        this.serverIp = serverIp;
    }

    static String image() {
        String image = System.getenv("NETGEN_BOOTSERVER_IMAGE");
        Require.that(image != null && !image.isBlank(),
                "NETGEN_BOOTSERVER_IMAGE is not set: run ci/setup and source ci/env.d/podman.sh (podman + the boot-server image)");
        Require.that(DockerClientFactory.instance().isDockerAvailable(),
                "no container engine answers on DOCKER_HOST (ci/setup.d/30-podman.sh starts podman's API service)");
        Require.tool("ssh", "openssh-client");
        Require.tool("ssh-keygen", "openssh-client");
        return image;
    }

    static BootServerLab start(Path dir) throws IOException {
        String image = image();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String prefix = "10." + rnd.nextInt(150, 250) + "." + rnd.nextInt(1, 254);
        Network network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withIpam(
                new com.github.dockerjava.api.model.Network.Ipam().withConfig(
                        new com.github.dockerjava.api.model.Network.Ipam.Config().withSubnet(prefix + ".0/24").withGateway(prefix + ".1"))))
                .build();
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("id_ed25519"));
        GenericContainer<?> server = container(image, network)
                .withCopyToContainer(Transferable.of(Files.readAllBytes(dir.resolve("host_key")), 0600), "/etc/ssh/ssh_host_ed25519_key")
                .withCopyToContainer(Transferable.of(Files.readAllBytes(dir.resolve("id_ed25519.pub")), 0600), "/root/.ssh/authorized_keys")
                .withExposedPorts(22)
                .waitingFor(Wait.forLogMessage(".*Server listening on 0\\.0\\.0\\.0.*", 1).withStartupTimeout(Duration.ofSeconds(60)));
        GenericContainer<?> client = container(image, network).withCommand("sleep", "infinity");
        BootServerLab lab = null;
        try {
            server.start();
            client.start();
            String ip = server.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
            Path config = writeSshConfig(dir, "ssh_config", server.getMappedPort(22), dir.resolve("known_hosts"));
            Files.writeString(dir.resolve("known_hosts"), "bootserver " + publicKey(dir.resolve("host_key.pub")) + "\n");
            lab = new BootServerLab(dir, prefix, network, server, client, config, ip);
            return lab;
        } finally {
            if (lab == null) {
                client.stop();
                server.stop();
                network.close();
            }
        }
    }

    private static GenericContainer<?> container(String image, Network network) {
        return new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withNetwork(network)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCapAdd(Capability.NET_RAW));
    }

    static Path writeSshConfig(Path dir, String name, int port, Path knownHosts) throws IOException {
        Path config = dir.resolve(name);
        Files.writeString(config, String.join("\n",
                "Host bootserver",
                "  HostName 127.0.0.1",
                "  Port " + port,
                "  User root",
                "  IdentityFile " + dir.resolve("id_ed25519"),
                "  IdentitiesOnly yes",
                "  HostKeyAlias bootserver",
                "  UserKnownHostsFile " + knownHosts,
                ""));
        return config;
    }

    static void keygen(Path key) throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "netgen-test", "-f", key.toString()),
                null, Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new IOException("ssh-keygen failed: " + r.stderr());
        }
    }

    static String publicKey(Path pub) throws IOException {
        String[] f = Files.readString(pub).strip().split(" ");
        return f[0] + " " + f[1];
    }

    /** The commands of a server without systemd: the image's netgen-svc (nfsd needs a kernel module, so NFS is a file check). */
    static ServiceSettings services() {
        Map<ServiceKind, ServiceCommands> m = new EnumMap<>(ServiceKind.class);
        m.put(ServiceKind.DHCP, new ServiceCommands("dhcpd -t -4 -cf {file}", "netgen-svc restart dhcpd", "netgen-svc status dhcpd"));
        m.put(ServiceKind.NFS, new ServiceCommands("", "test -r /etc/exports.d/netgen.exports", "true"));
        m.put(ServiceKind.TFTP, new ServiceCommands("", "netgen-svc reload xinetd", "netgen-svc status xinetd"));
        return new ServiceSettings(m);
    }

    ApplyTarget target(Path rendered) {
        return new ApplyTarget("boot1", Optional.of("bootserver"), rendered, "/tftpboot", services(), "/");
    }

    SshSettings ssh() {
        return SshSettings.defaults().withConfigFile(sshConfig);
    }

    Path render(Path dest) {
        return Fixture.render(dest, prefix, serverIp);
    }

    /** Runs a shell command on the server (through the engine, not ssh) and returns its stdout; fails on non-zero exit. */
    String onServer(String script) {
        return exec(server, script);
    }

    String onClient(String script) {
        return exec(client, script);
    }

    static String exec(GenericContainer<?> c, String script) {
        try {
            ExecResult r = c.execInContainer("sh", "-c", script);
            if (r.getExitCode() != 0) {
                throw new AssertionError("`" + script + "` exited " + r.getExitCode() + ": " + r.getStderr() + r.getStdout());
            }
            return r.getStdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ExecResult tryExec(GenericContainer<?> c, String script) {
        try {
            return c.execInContainer("sh", "-c", script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Gives the client container {@code mac} (podman 4.3 ignores a MAC set at create time; a reconnect works). */
    void setClientMac(String mac) {
        DockerClient docker = DockerClientFactory.instance().client();
        String id = client.getContainerId();
        docker.disconnectFromNetworkCmd().withNetworkId(network.getId()).withContainerId(id).withForce(true).exec();
        docker.connectToNetworkCmd().withNetworkId(network.getId()).withContainerId(id)
                .withContainerNetwork(new ContainerNetwork().withMacAddress(mac)).exec();
    }

    /** One DHCP exchange from the client (busybox udhcpc); the lease's fields, or empty when no server answered. */
    String dhcpLease() {
        exec(client, "printf '#!/bin/sh\\n[ \"$1\" = bound ] && echo \"ip=$ip siaddr=$siaddr boot_file=$boot_file rootpath=$rootpath\"\\nexit 0\\n'"
                + " > /tmp/lease.sh && chmod +x /tmp/lease.sh");
        ExecResult r = tryExec(client, "busybox udhcpc -i eth0 -f -q -n -t 4 -T 1 -O rootpath -s /tmp/lease.sh 2>/dev/null");
        return r.getExitCode() == 0 ? r.getStdout().strip() : "";
    }

    /** Fetches {@code file} from the server over TFTP from the client and returns its sha256 and text. */
    String tftpGet(String file) {
        return exec(client, "rm -f /tmp/got && busybox tftp -g -r " + file + " -l /tmp/got " + serverIp + " && cat /tmp/got");
    }

    String tftpSha(String file) {
        return exec(client, "rm -f /tmp/got && busybox tftp -g -r " + file + " -l /tmp/got " + serverIp + " && sha256sum /tmp/got").split(" ")[0];
    }

    static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.stop();
        server.stop();
        network.close();
    }
}
