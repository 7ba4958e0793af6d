package dev.netgen.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * netgen apply over real ssh to a boot server in a container, then proof that the services use what
 * was applied: a DHCP lease for the client's MAC (none for an unknown one) and TFTP through xinetd.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplyIT {
    @TempDir
    static Path labDir;

    static BootServerLab lab;

    @TempDir
    Path tmp;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeAll
    static void startLab() throws IOException {
        lab = BootServerLab.start(labDir);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void resetOutput() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    List<ServerResult> apply(Path rendered) {
        return apply(lab.target(rendered));
    }

    List<ServerResult> apply(ApplyTarget target) {
        return new ApplyService(lab.ssh()).apply(List.of(target), false, new PrintWriter(out), new PrintWriter(err));
    }

    String svcLog() {
        return lab.onServer("cat /var/log/netgen-svc.log 2>/dev/null || true");
    }

    String liveState() {
        return lab.onServer("cd / && stat -c '%n %i %Y' etc/dhcp/dhcpd.conf etc/exports.d/netgen.exports etc/xinetd.d/tftp "
                + "tftpboot/pxelinux.cfg/* tftpboot/pxelinux.0 var/lib/netgen/boot1.manifest; cat /run/dhcpd.pid /run/xinetd.pid");
    }

    @Test
    @Order(1)
    void appliesOverSshAndTheServicesUseIt() {
        Path rendered = lab.render(tmp.resolve("out/boot1"));
        // Debian's sample dhcpd.conf is not netgen's: apply refuses it and changes nothing.
        assertThatThrownBy(() -> apply(rendered))
                .isInstanceOf(NetgenException.class)
                .hasMessageContaining("refusing to overwrite on boot1 what netgen did not write: /etc/dhcp/dhcpd.conf");
        assertThat(lab.onServer("ls /var/lib/netgen/*.manifest /tftpboot 2>/dev/null; true")).isBlank();
        lab.onServer("mv /etc/dhcp/dhcpd.conf /etc/dhcp/dhcpd.conf.orig");
        resetOutput();

        String unknownMacLease = lab.dhcpLease();

        List<ServerResult> results = apply(rendered);
        assertThat(results).singleElement().extracting(ServerResult::status).isEqualTo(ServerResult.Status.APPLIED);
        assertThat(err.toString()).contains("[boot1] connect bootserver", "[boot1] check dhcp: dhcpd -t", "[boot1] verify tftp runs");
        assertThat(out.toString()).startsWith("boot1: applied (9 created, 0 updated, 0 deleted; reloaded dhcp, nfs, tftp)");
        for (String p : Fixture.RENDERED) {
            assertThat(lab.onServer("cat " + p)).isEqualTo(BootServerLab.text(rendered.resolve(p.substring(1))));
        }

        assertThat(unknownMacLease).as("a client with an unknown MAC gets no lease").isEmpty();
        assertThat(lab.dhcpLease()).as("still none once dhcpd runs the applied config").isEmpty();

        lab.setClientMac(Fixture.CLIENT_MAC);
        assertThat(lab.dhcpLease()).isEqualTo("ip=" + lab.prefix + ".55 siaddr=" + lab.serverIp + " boot_file=pxelinux.0 rootpath="
                + lab.serverIp + ":/netboot/pxeclient,retry=1,rsize=8192,wsize=8192");

        assertThat(lab.tftpGet("pxelinux.cfg/01-52-54-00-12-34-56"))
                .isEqualTo(BootServerLab.text(rendered.resolve("tftpboot/pxelinux.cfg/01-52-54-00-12-34-56")));
        assertThat(lab.tftpSha("pxelinux.0")).isEqualTo(lab.onServer("sha256sum /tftpboot/pxelinux.0").split(" ")[0])
                .isEqualTo(sha("/usr/lib/PXELINUX/pxelinux.0"));
    }

    @Test
    @Order(2)
    void aSecondApplyWithNoChangeTouchesNothingAndRestartsNothing() {
        Path rendered = lab.render(tmp.resolve("out/boot1"));
        apply(rendered);
        String before = liveState();
        String log = svcLog();
        resetOutput();
        List<ServerResult> again = apply(rendered);
        assertThat(again).singleElement().extracting(ServerResult::status).isEqualTo(ServerResult.Status.UNCHANGED);
        assertThat(liveState()).isEqualTo(before);
        assertThat(svcLog()).isEqualTo(log);
        assertThat(new ApplyService(lab.ssh()).diff(List.of(lab.target(rendered)), new PrintWriter(out), new PrintWriter(err))).isFalse();
    }

    @Test
    @Order(3)
    void aConfigDhcpdRejectsLeavesTheOldFilesAndARunningDhcpd() throws IOException {
        Path rendered = lab.render(tmp.resolve("out/boot1"));
        apply(rendered);
        String pid = lab.onServer("cat /run/dhcpd.pid");
        String before = lab.onServer("sha256sum /etc/dhcp/dhcpd.conf /etc/xinetd.d/tftp");
        Fixture.edit(rendered.resolve("etc/dhcp/dhcpd.conf"), "next-server " + lab.serverIp + ";", "next-server;");
        Fixture.edit(rendered.resolve("etc/xinetd.d/tftp"), "flags\t\t= IPv4", "flags\t\t= IPv4 REUSE");
        assertThatThrownBy(() -> apply(rendered))
                .isInstanceOf(NetgenException.class)
                .satisfies(e -> assertThat(((NetgenException) e).exitCode()).isEqualTo(ExitCode.APPLY_FAILED))
                .hasMessageContaining("dhcp check rejected the new /etc/dhcp/dhcpd.conf, the live files were not changed")
                .hasMessageContaining("dhcpd.conf.netgen-new line ");
        assertThat(lab.onServer("sha256sum /etc/dhcp/dhcpd.conf /etc/xinetd.d/tftp")).isEqualTo(before);
        assertThat(lab.onServer("cat /run/dhcpd.pid")).isEqualTo(pid);
        lab.onServer("netgen-svc status dhcpd");
        assertThat(lab.onServer("ls /etc/dhcp /etc/xinetd.d /var/lib/netgen")).doesNotContain(".netgen-new");
    }

    @Test
    @Order(4)
    void handEditsShowInDiffAndApplySaysItOverwroteThem() {
        Path rendered = lab.render(tmp.resolve("out/boot1"));
        apply(rendered);
        lab.onServer("echo '/srv/mine 10.0.0.0/8(rw)' >> /etc/exports.d/netgen.exports");
        resetOutput();
        assertThat(new ApplyService(lab.ssh()).diff(List.of(lab.target(rendered)), new PrintWriter(out), new PrintWriter(err))).isTrue();
        assertThat(out.toString()).contains("# boot1:/etc/exports.d/netgen.exports was edited by hand on the server",
                "-/srv/mine 10.0.0.0/8(rw)");
        resetOutput();
        apply(rendered);
        assertThat(out.toString()).contains("overwrote a hand edit of /etc/exports.d/netgen.exports");
        assertThat(lab.onServer("cat /etc/exports.d/netgen.exports")).doesNotContain("/srv/mine");
    }

    @Test
    @Order(5)
    void sshDroppedMidApplyLeavesOldOrNewAndTheNextApplyRepairs() throws Exception {
        Path a = lab.render(tmp.resolve("a/boot1"));
        Path b = lab.render(tmp.resolve("b/boot1"));
        for (String p : Fixture.RENDERED) {
            Files.writeString(b.resolve(p.substring(1)), "# version b\n", java.nio.file.StandardOpenOption.APPEND);
        }
        String hashesA = hashes(a);
        String hashesB = hashes(b);
        java.util.concurrent.atomic.AtomicInteger interrupted = new java.util.concurrent.atomic.AtomicInteger();
        List<String> outcomes = new java.util.ArrayList<>();
        // A slow check widens the window before the swap, so some drops land before it and some after.
        java.util.Map<ServiceKind, ServiceCommands> cmds = new java.util.EnumMap<>(BootServerLab.services().commands());
        cmds.put(ServiceKind.DHCP, new ServiceCommands("sleep 0.6 && dhcpd -t -4 -cf {file}", "netgen-svc restart dhcpd", "netgen-svc status dhcpd"));
        // Drop points are fractions of an undisturbed apply's duration, so they spread over its steps on any machine.
        apply(b);
        long start = System.nanoTime();
        apply(new ApplyTarget("boot1", java.util.Optional.of("bootserver"), a, "/tftpboot", new ServiceSettings(cmds), "/"));
        long fullMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(liveHashes()).isEqualTo(hashesA);
        Path next = b;
        for (double fraction : new double[] {0.05, 0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2}) {
            long delay = Math.round(fullMs * fraction);
            Path version = next;
            Thread t = new Thread(() -> {
                try {
                    apply(new ApplyTarget("boot1", java.util.Optional.of("bootserver"), version, "/tftpboot", new ServiceSettings(cmds), "/"));
                } catch (NetgenException expected) {
                    // The drop makes this apply fail; what matters is the state it leaves.
                    interrupted.incrementAndGet();
                    System.out.println("interrupted: " + expected.getMessage());
                }
            });
            t.start();
            Thread.sleep(delay);
            BootServerLab.tryExec(lab.server, "pkill -f 'sshd: root'");
            t.join(120_000);
            assertThat(t.isAlive()).isFalse();
            lab.onServer("i=0; while pgrep -f [b]oot1.journal >/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done");
            String live = liveHashes();
            assertThat(live).as("after a drop %d ms into an apply", delay).isIn(hashesA, hashesB);
            outcomes.add(delay + " ms: " + (live.equals(hashesA) == (version == a) ? "new" : "old"));
            next = live.equals(hashesA) ? b : a;
        }
        System.out.println("ssh drops into a " + fullMs + " ms apply (files left in place): " + outcomes + "; "
                + interrupted.get() + " applies interrupted");
        assertThat(interrupted.get()).as("drops that interrupted an apply").isPositive();
        assertThat(outcomes).as("drops left the old set and drops left the new set")
                .anyMatch(o -> o.endsWith("old")).anyMatch(o -> o.endsWith("new"));
        resetOutput();
        apply(b);
        assertThat(liveHashes()).isEqualTo(hashesB);
        lab.onServer("netgen-svc status dhcpd && netgen-svc status xinetd && test ! -e /var/lib/netgen/boot1.journal "
                + "&& test ! -e /var/lib/netgen/boot1.pending");
        assertThat(lab.tftpGet("pxelinux.cfg/default")).endsWith("# version b\n");
    }

    @Test
    @Order(6)
    void anUnreachableHostFailsWithExit5AndAClearMessage() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path config = BootServerLab.writeSshConfig(lab.dir, "ssh_config_closed", closed, lab.dir.resolve("known_hosts"));
        Path rendered = lab.render(tmp.resolve("out/boot1"));
        assertThatThrownBy(() -> new ApplyService(SshSettings.defaults().withConfigFile(config))
                .apply(List.of(lab.target(rendered)), false, new PrintWriter(out), new PrintWriter(err)))
                .isInstanceOf(NetgenException.class)
                .satisfies(e -> assertThat(((NetgenException) e).exitCode()).isEqualTo(ExitCode.APPLY_FAILED))
                .hasMessageStartingWith("cannot reach root@127.0.0.1:" + closed + ": connection refused");
    }

    @Test
    @Order(7)
    void aWrongHostKeyFailsWithExit5AndAClearMessage() throws IOException {
        BootServerLab.keygen(lab.dir.resolve("other_key"));
        Path knownHosts = lab.dir.resolve("known_hosts_wrong");
        Files.writeString(knownHosts, "bootserver " + BootServerLab.publicKey(lab.dir.resolve("other_key.pub")) + "\n");
        Path config = BootServerLab.writeSshConfig(lab.dir, "ssh_config_wrong", lab.server.getMappedPort(22), knownHosts);
        Path rendered = lab.render(tmp.resolve("out/boot1"));
        assertThatThrownBy(() -> new ApplyService(SshSettings.defaults().withConfigFile(config))
                .apply(List.of(lab.target(rendered)), false, new PrintWriter(out), new PrintWriter(err)))
                .isInstanceOf(NetgenException.class)
                .satisfies(e -> assertThat(((NetgenException) e).exitCode()).isEqualTo(ExitCode.APPLY_FAILED))
                .hasMessageStartingWith("host key of root@127.0.0.1:" + lab.server.getMappedPort(22) + " does not match known_hosts");
    }

    @Test
    @Order(8)
    void theCommandsDiffPlanAndRollBackAnInventoryOverSsh() throws IOException {
        apply(lab.render(tmp.resolve("out/boot1")));
        Path inventory = Files.writeString(tmp.resolve("inventory.yaml"), String.join("\n",
                "version: 1",
                "servers:",
                "  boot1:",
                "    address: " + lab.serverIp,
                "    ssh: bootserver",
                "networks:",
                "  lab:",
                "    subnet: " + lab.prefix + ".0/24",
                "    server: boot1",
                "images:",
                "  img:",
                "    root: /netboot/pxeclient",
                "    kernel: vmlinuz",
                "    kernel-version: 6.1.0-28-amd64",
                "    initrd: initrd.img",
                "hosts:",
                "  pxeclient:",
                "    mac: " + Fixture.CLIENT_MAC,
                "    ip: " + lab.prefix + ".55",
                "    image: img",
                ""));
        String[] common = {"-i", inventory.toString(), "-o", tmp.resolve("out").toString(), "--ssh-config", lab.sshConfig.toString()};

        assertThat(cli("diff", common)).isEqualTo(1);
        assertThat(out.toString()).contains("--- boot1:/etc/dhcp/dhcpd.conf (live)", "+++ boot1:/etc/dhcp/dhcpd.conf (rendered)",
                "+# generated by netgen from the inventory");

        resetOutput();
        String before = liveHashes();
        assertThat(cli("apply", append(common, "--dry-run"))).isEqualTo(0);
        assertThat(out.toString()).contains("update /etc/dhcp/dhcpd.conf", "update /etc/xinetd.d/tftp");
        assertThat(liveHashes()).isEqualTo(before);

        // This server has no systemd, so the default reload (systemctl) fails after the swap: apply must swap back.
        resetOutput();
        String log = svcLog();
        assertThat(cli("apply", common)).isEqualTo(5);
        assertThat(err.toString()).contains("reloading dhcp failed (systemctl restart isc-dhcp-server)", "restored the previous files");
        assertThat(liveHashes()).isEqualTo(before);
        assertThat(svcLog()).isEqualTo(log);
        lab.onServer("netgen-svc status dhcpd && netgen-svc status xinetd");
    }

    @Test
    @Order(9)
    void aSecondApplyWhileOneRunsIsRefused() throws Exception {
        Path a = lab.render(tmp.resolve("a/boot1"));
        apply(a);
        Path b = lab.render(tmp.resolve("b/boot1"));
        Fixture.edit(b.resolve("etc/dhcp/dhcpd.conf"), "max-lease-time 7200;", "max-lease-time 3600;");
        java.util.Map<ServiceKind, ServiceCommands> cmds = new java.util.EnumMap<>(BootServerLab.services().commands());
        cmds.put(ServiceKind.DHCP, new ServiceCommands("sleep 2 && dhcpd -t -4 -cf {file}", "netgen-svc restart dhcpd", "netgen-svc status dhcpd"));
        ApplyTarget slow = new ApplyTarget("boot1", java.util.Optional.of("bootserver"), b, "/tftpboot", new ServiceSettings(cmds), "/");
        java.util.concurrent.CompletableFuture<List<ServerResult>> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> new ApplyService(lab.ssh()).apply(List.of(slow), false, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        lab.onServer("i=0; while ! pgrep -f '[s]leep 2' >/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done");
        assertThatThrownBy(() -> apply(a))
                .isInstanceOf(NetgenException.class)
                .hasMessageContaining("another netgen apply to boot1 (root@127.0.0.1:" + lab.server.getMappedPort(22)
                        + ") is running: it holds /var/lib/netgen/boot1.lock");
        assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS)).singleElement()
                .extracting(ServerResult::status).isEqualTo(ServerResult.Status.APPLIED);
        assertThat(lab.onServer("cat /etc/dhcp/dhcpd.conf")).contains("max-lease-time 3600;");
    }

    private int cli(String command, String... args) {
        return dev.netgen.cli.CommandFactory.create(new PrintWriter(out), new PrintWriter(err)).execute(append(new String[] {command}, args));
    }

    private static String[] append(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private String liveHashes() {
        return lab.onServer("sha256sum " + String.join(" ", Fixture.RENDERED) + " | cut -c1-64");
    }

    private static String hashes(Path rendered) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String p : Fixture.RENDERED) {
            sb.append(Sha256.hex(Files.readAllBytes(rendered.resolve(p.substring(1))))).append('\n');
        }
        return sb.toString();
    }

    private static String sha(String file) {
        try {
            return Sha256.hex(Files.readAllBytes(Path.of(file)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
