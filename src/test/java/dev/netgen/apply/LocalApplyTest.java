package dev.netgen.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import dev.netgen.testsupport.Require;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply to a server without ssh (this machine), its filesystem relocated into a temporary directory:
 * the real transaction scripts run under the real sh, dhcpd -t checks the real file, reloads are logged.
 */
class LocalApplyTest {
    @TempDir
    Path tmp;

    Path out;
    Path root;
    Path reloads;
    ApplyService service = new ApplyService(SshSettings.defaults());
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        Require.tool("dhcpd", "isc-dhcp-server");
        Require.tool("diff", "diffutils");
        out = Fixture.render(tmp.resolve("out/boot1"), "10.77.0", "10.77.0.2");
        root = Files.createDirectories(tmp.resolve("server"));
        reloads = root.resolve("reloads.log");
    }

    ApplyTarget target(String dhcpReload) {
        Map<ServiceKind, ServiceCommands> m = new EnumMap<>(ServiceKind.class);
        String log = ShellQuote.quote(reloads.toString());
        m.put(ServiceKind.DHCP, new ServiceCommands("dhcpd -t -4 -cf {file}", dhcpReload, "true"));
        m.put(ServiceKind.NFS, new ServiceCommands("", "echo nfs >> " + log, "true"));
        m.put(ServiceKind.TFTP, new ServiceCommands("", "echo tftp >> " + log, "true"));
        return new ApplyTarget("boot1", java.util.Optional.empty(), out, "/tftpboot", new ServiceSettings(m), root.toString());
    }

    ApplyTarget target() {
        return target("echo dhcp >> " + ShellQuote.quote(reloads.toString()));
    }

    List<ServerResult> apply(ApplyTarget t) {
        return service.apply(List.of(t), false, new PrintWriter(stdout), new PrintWriter(stderr));
    }

    String live(String serverPath) throws IOException {
        return Files.readString(root.resolve(serverPath.substring(1)), StandardCharsets.UTF_8);
    }

    String rendered(String serverPath) throws IOException {
        return Files.readString(out.resolve(serverPath.substring(1)), StandardCharsets.UTF_8);
    }

    List<String> reloadLog() throws IOException {
        return Files.exists(reloads) ? Files.readAllLines(reloads) : List.of();
    }

    @Test
    void firstApplyInstallsEverythingAndTheSecondTouchesNothing() throws IOException {
        List<ServerResult> first = apply(target());
        assertThat(first).singleElement().extracting(ServerResult::status).isEqualTo(ServerResult.Status.APPLIED);
        for (String p : Fixture.RENDERED) {
            assertThat(live(p)).isEqualTo(rendered(p));
        }
        assertThat(root.resolve("tftpboot/pxelinux.0")).hasSameBinaryContentAs(Path.of("/usr/lib/PXELINUX/pxelinux.0"));
        assertThat(root.resolve("tftpboot/ldlinux.c32")).hasSameBinaryContentAs(Path.of("/usr/lib/syslinux/modules/bios/ldlinux.c32"));
        assertThat(root.resolve("tftpboot/syslinux.efi")).exists();
        assertThat(root.resolve("tftpboot/ldlinux.e64")).exists();
        assertThat(reloadLog()).containsExactly("dhcp", "nfs", "tftp");
        assertThat(live("/var/lib/netgen/boot1.manifest")).contains("  /etc/dhcp/dhcpd.conf\n").doesNotContain("pxelinux.0");
        assertThat(root.resolve("var/lib/netgen/boot1.journal")).doesNotExist();
        assertThat(root.resolve("var/lib/netgen/boot1.pending")).doesNotExist();
        assertThat(stderr.toString()).contains("[boot1] plan: 9 to create, 0 to update, 0 to delete", "[boot1] check dhcp");

        long mtime = Files.getLastModifiedTime(root.resolve("etc/dhcp/dhcpd.conf")).toMillis();
        stdout.getBuffer().setLength(0);
        List<ServerResult> second = apply(target());
        assertThat(second).singleElement().extracting(ServerResult::status).isEqualTo(ServerResult.Status.UNCHANGED);
        assertThat(reloadLog()).containsExactly("dhcp", "nfs", "tftp");
        assertThat(Files.getLastModifiedTime(root.resolve("etc/dhcp/dhcpd.conf")).toMillis()).isEqualTo(mtime);
        assertThat(stdout.toString()).contains("boot1: unchanged");
    }

    @Test
    void onlyTheAffectedServiceIsReloadedAndTheOldFileIsKept() throws IOException {
        apply(target());
        String before = live("/etc/xinetd.d/tftp");
        Fixture.edit(out.resolve("etc/xinetd.d/tftp"), "flags\t\t= IPv4", "flags\t\t= IPv4 REUSE");
        apply(target());
        assertThat(reloadLog()).containsExactly("dhcp", "nfs", "tftp", "tftp");
        assertThat(live("/etc/xinetd.d/tftp")).contains("REUSE");
        assertThat(live("/etc/xinetd.d/tftp.netgen-old")).isEqualTo(before);
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws IOException {
        service.apply(List.of(target()), true, new PrintWriter(stdout), new PrintWriter(stderr));
        assertThat(stdout.toString()).contains("create /etc/dhcp/dhcpd.conf", "create /tftpboot/pxelinux.0");
        try (var files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void malformedExportsAreRejectedBeforeAnythingIsUploaded() throws IOException {
        apply(target());
        Files.writeString(out.resolve("etc/exports.d/netgen.exports"), "/netboot/x 10.77.0.0/24(ro\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> service.apply(List.of(target()), true, new PrintWriter(stdout), new PrintWriter(stderr)))
                .hasMessageContaining("the new configuration is invalid, nothing was changed: "
                        + "/etc/exports.d/netgen.exports:3: malformed client or options: 10.77.0.0/24(ro");
        assertThatThrownBy(() -> apply(target())).hasMessageContaining("malformed client or options");
        assertThat(root.resolve("etc/exports.d/netgen.exports.netgen-new")).doesNotExist();
        assertThat(live("/etc/exports.d/netgen.exports")).doesNotContain("/netboot/x");
    }

    @Test
    void aConfigDhcpdRejectsLeavesTheOldFiles() throws IOException {
        apply(target());
        String before = live("/etc/dhcp/dhcpd.conf");
        Fixture.edit(out.resolve("etc/dhcp/dhcpd.conf"), "fixed-address 10.77.0.55;", "fixed-address 10.77.0.55");
        assertThatThrownBy(() -> apply(target()))
                .isInstanceOf(NetgenException.class)
                .hasMessageContaining("dhcp check rejected the new /etc/dhcp/dhcpd.conf, the live files were not changed")
                .satisfies(e -> assertThat(((NetgenException) e).exitCode()).isEqualTo(ExitCode.APPLY_FAILED));
        assertThat(live("/etc/dhcp/dhcpd.conf")).isEqualTo(before);
        assertThat(root.resolve("etc/dhcp/dhcpd.conf.netgen-new")).doesNotExist();
        assertThat(reloadLog()).containsExactly("dhcp", "nfs", "tftp");
    }

    @Test
    void anXinetdServiceWhoseServerIsMissingIsRejectedBeforeTheSwap() throws IOException {
        Require.tool("in.tftpd", "tftpd-hpa");
        apply(target());
        String before = live("/etc/xinetd.d/tftp");
        Fixture.edit(out.resolve("etc/xinetd.d/tftp"), "/usr/sbin/in.tftpd", "/usr/sbin/in.tftpd-missing");
        assertThatThrownBy(() -> apply(target()))
                .hasMessageContaining("tftp check rejected the new /etc/xinetd.d/tftp, the live files were not changed: "
                        + "/etc/xinetd.d/tftp: server /usr/sbin/in.tftpd-missing is not an executable on this server");
        assertThat(live("/etc/xinetd.d/tftp")).isEqualTo(before);
        assertThat(reloadLog()).containsExactly("dhcp", "nfs", "tftp");
    }

    @Test
    void concurrentAppliesToOneServerAreRefusedAndAKilledOneLeavesNoLock() throws Exception {
        Require.tool("flock", "util-linux");
        Path lock = Files.createDirectories(root.resolve("var/lib/netgen")).resolve("boot1.lock");
        // Like a running apply's lock session: the lock lives exactly as long as this process.
        Process holder = new ProcessBuilder("sh", "-c", "exec 9>>\"$0\" && flock 9 && exec sleep 60", lock.toString()).start();
        try {
            Thread.sleep(300);
            assertThatThrownBy(() -> apply(target()))
                    .hasMessageContaining("another netgen apply to boot1 (local) is running: it holds " + lock);
            assertThat(root.resolve("etc")).doesNotExist();
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(apply(target())).singleElement().extracting(ServerResult::status).isEqualTo(ServerResult.Status.APPLIED);
    }

    @Test
    void aFailedReloadRestoresTheOldFilesAndServices() throws IOException {
        apply(target());
        String before = live("/etc/dhcp/dhcpd.conf");
        String beforeManifest = live("/var/lib/netgen/boot1.manifest");
        Fixture.edit(out.resolve("etc/dhcp/dhcpd.conf"), "max-lease-time 7200;", "max-lease-time 3600;");
        Files.delete(out.resolve("tftpboot/pxelinux.cfg/default"));
        String log = ShellQuote.quote(reloads.toString());
        // Fails while the new file is live, succeeds once the old one is back.
        String reload = "if grep -q 'max-lease-time 3600' " + ShellQuote.quote(root + "/etc/dhcp/dhcpd.conf")
                + "; then echo 'dhcpd: bad' >&2; exit 1; fi; echo dhcp-restored >> " + log;
        assertThatThrownBy(() -> apply(target(reload)))
                .hasMessageContaining("reloading dhcp failed")
                .hasMessageContaining("restored the previous files and services");
        assertThat(live("/etc/dhcp/dhcpd.conf")).isEqualTo(before);
        assertThat(root.resolve("tftpboot/pxelinux.cfg/default")).exists();
        assertThat(live("/var/lib/netgen/boot1.manifest")).isEqualTo(beforeManifest);
        assertThat(reloadLog()).endsWith("dhcp-restored");
        assertThat(root.resolve("var/lib/netgen/boot1.pending")).doesNotExist();
    }

    @Test
    void reloadsAnInterruptedApplyLeftPendingAreRedoneEvenWithoutChanges() throws IOException {
        apply(target());
        Files.writeString(root.resolve("var/lib/netgen/boot1.pending"), "dhcp\n");
        assertThatThrownBy(() -> apply(target("echo 'no dhcpd here' >&2; exit 1")))
                .hasMessageContaining("reloading dhcp failed (echo 'no dhcpd here' >&2; exit 1): no dhcpd here; this run changed no file");
        assertThat(root.resolve("var/lib/netgen/boot1.pending")).exists();

        stdout.getBuffer().setLength(0);
        assertThat(apply(target())).singleElement().extracting(ServerResult::status).isEqualTo(ServerResult.Status.APPLIED);
        assertThat(stdout.toString()).contains("boot1: applied (0 created, 0 updated, 0 deleted; reloaded dhcp)");
        assertThat(reloadLog()).containsExactly("dhcp", "nfs", "tftp", "dhcp");
        assertThat(root.resolve("var/lib/netgen/boot1.pending")).doesNotExist();
    }

    @Test
    void handEditsAreShownByDiffAndOverwrittenByApply() throws IOException {
        apply(target());
        Files.writeString(root.resolve("etc/exports.d/netgen.exports"), "/srv/other 10.0.0.0/8(rw)\n", java.nio.file.StandardOpenOption.APPEND);
        boolean differs = service.diff(List.of(target()), new PrintWriter(stdout), new PrintWriter(stderr));
        assertThat(differs).isTrue();
        assertThat(stdout.toString())
                .contains("# boot1:/etc/exports.d/netgen.exports was edited by hand on the server")
                .contains("--- boot1:/etc/exports.d/netgen.exports (live)")
                .contains("-/srv/other 10.0.0.0/8(rw)");
        stdout.getBuffer().setLength(0);
        apply(target());
        assertThat(stdout.toString()).contains("overwrote a hand edit of /etc/exports.d/netgen.exports");
        assertThat(live("/etc/exports.d/netgen.exports")).isEqualTo(rendered("/etc/exports.d/netgen.exports"));
        stdout.getBuffer().setLength(0);
        assertThat(service.diff(List.of(target()), new PrintWriter(stdout), new PrintWriter(stderr))).isFalse();
        assertThat(stdout.toString()).isEmpty();
    }

    @Test
    void filesNetgenDidNotWriteAreNeverOverwritten() throws IOException {
        Files.createDirectories(root.resolve("etc/dhcp"));
        Files.writeString(root.resolve("etc/dhcp/dhcpd.conf"), "# the admin's own\n");
        Files.createDirectories(root.resolve("tftpboot"));
        Files.writeString(root.resolve("tftpboot/pxelinux.0"), "the admin's own loader");
        assertThatThrownBy(() -> apply(target()))
                .hasMessageContaining("refusing to overwrite on boot1 what netgen did not write: /etc/dhcp/dhcpd.conf");
        assertThat(live("/etc/dhcp/dhcpd.conf")).isEqualTo("# the admin's own\n");
        assertThat(root.resolve("var/lib/netgen/boot1.manifest")).doesNotExist();
        assertThat(root.resolve("tftpboot/pxelinux.cfg")).doesNotExist();

        assertThat(service.diff(List.of(target()), new PrintWriter(stdout), new PrintWriter(stderr))).isTrue();
        assertThat(stdout.toString())
                .contains("# boot1:/etc/dhcp/dhcpd.conf was not written by netgen: apply refuses to overwrite it until it is moved aside")
                .contains("-# the admin's own\n+# generated by netgen");
        stdout.getBuffer().setLength(0);
        assertThatThrownBy(() -> service.apply(List.of(target()), true, new PrintWriter(stdout), new PrintWriter(stderr)))
                .hasMessageContaining("refusing to overwrite");
        assertThat(stdout.toString()).contains("refuse /etc/dhcp/dhcpd.conf (not written by netgen)", "create /etc/xinetd.d/tftp");

        Files.move(root.resolve("etc/dhcp/dhcpd.conf"), root.resolve("etc/dhcp/dhcpd.conf.orig"));
        apply(target());
        assertThat(live("/tftpboot/pxelinux.0")).isEqualTo("the admin's own loader");
        assertThat(live("/etc/dhcp/dhcpd.conf.orig")).isEqualTo("# the admin's own\n");
    }

    @Test
    void anInterruptedSwapIsFinishedByTheNextApply() throws IOException {
        apply(target());
        Fixture.edit(out.resolve("etc/dhcp/dhcpd.conf"), "max-lease-time 7200;", "max-lease-time 3600;");
        Fixture.edit(out.resolve("tftpboot/pxelinux.cfg/default"), "prompt 0", "prompt 1");
        ApplyTarget t = target();
        // Stage and commit as apply would, but run only the journal's first rename: a server that died mid-swap.
        Plan plan;
        try (Remote remote = new LocalRemote(java.time.Duration.ofMinutes(1))) {
            plan = new Applier(t, remote, new Progress(new PrintWriter(stderr))).plan(true);
            remote.run(Transaction.UPLOAD, Transaction.tar(Transaction.staged(t, plan)));
            String journal = Transaction.journalPath(t);
            remote.run("mv " + journal + ".netgen-new " + journal, null);
            String script = Transaction.commitJournal(t, plan);
            String firstStep = script.lines().filter(l -> l.startsWith("r ")).findFirst().orElseThrow();
            remote.run(script.lines().filter(l -> !l.startsWith("r ") && !l.startsWith("d ") && !l.startsWith("sync") && !l.startsWith("rm "))
                    .reduce("", (a, b) -> a + b + "\n") + firstStep + "\n", null);
        }
        assertThat(live("/etc/dhcp/dhcpd.conf")).contains("max-lease-time 3600;");
        assertThat(live("/tftpboot/pxelinux.cfg/default")).contains("prompt 0");

        StringWriter diffOut = new StringWriter();
        assertThat(service.diff(List.of(t), new PrintWriter(diffOut), new PrintWriter(stderr))).isTrue();
        assertThat(diffOut.toString()).contains("an interrupted apply left");

        List<ServerResult> r = apply(t);
        assertThat(stderr.toString()).contains("finished the file swap of an interrupted apply");
        assertThat(r).singleElement().extracting(ServerResult::status).isEqualTo(ServerResult.Status.APPLIED);
        assertThat(live("/tftpboot/pxelinux.cfg/default")).contains("prompt 1");
        assertThat(reloadLog()).endsWith("dhcp");
        assertThat(root.resolve("var/lib/netgen/boot1.journal")).doesNotExist();
        assertThat(root.resolve("var/lib/netgen/boot1.pending")).doesNotExist();
    }
}
