package dev.netgen.bootcheck;

import dev.netgen.testsupport.NetgenRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netgen.root.ClientMarker;
import dev.netgen.testsupport.Require;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netgen check boot --lab for real: a lab boot server VM built from Debian packages and configured over
 * ssh, clients PXE-booting under QEMU (TCG) through iPXE, pxelinux, the netgen initramfs and NFS.
 */
class BootCheckIT {
    @TempDir
    static Path dir;

    static Path inventory;

    @BeforeAll
    static void lab() throws IOException {
        Require.tool("qemu-system-x86_64", "qemu-system-x86");
        Require.tool("mmdebstrap", "mmdebstrap");
        Require.tool("mkfs.ext4", "e2fsprogs");
        Require.tool("ssh", "openssh-client");
        Require.tool("cpio", "cpio");
        Require.that(Files.isReadable(Path.of("/usr/lib/ipxe/qemu/pxe-virtio.rom")), "no iPXE ROMs: apt-get install ipxe-qemu");
        Require.that(Files.isReadable(Path.of("/usr/lib/PXELINUX/pxelinux.0")), "no pxelinux.0: apt-get install pxelinux syslinux-common");
        Require.that("root".equals(System.getProperty("user.name")), "mmdebstrap builds the lab server image as root");
        String kver = DebianKernel.locate(LabCache.fromEnvironment()).version();
        String text;
        try (InputStream in = BootCheckIT.class.getResourceAsStream("/bootcheck/lab.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@KVER@", kver);
        }
        inventory = Files.writeString(dir.resolve("lab.yaml"), text);
    }


    private static NetgenRun netgen(String... args) {
        return NetgenRun.of(args);
    }

    @Test
    void virtioAndE1000ClientsBootInBothRootModesADebianRootReachesItsInitAndBrokenHostsFailAtTheirStage() throws Exception {
        Path debian = PreparedDebianRoot.get();
        Path html = dir.resolve("report/check-boot.html");
        NetgenRun r = netgen("check", "boot", "--lab", "-i", inventory.toString(),
                "--host", "debian-root", "--host", "virtio-overlay", "--host", "e1000-symlinks", "--host", "broken-root-path",
                "--host", "broken-no-driver",
                "--nic", "e1000-symlinks=e1000", "--nic", "broken-no-driver=ne2k_pci", "--root", "wrong-root=none",
                "--root", "debian=" + debian,
                "--json", "--html", html.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(6);
        // netgen apply configured the lab server over ssh, the same path as production, with the lab's service commands.
        assertThat(r.err()).contains("[labsrv] connect root@127.0.0.1:", "[labsrv]   create /etc/dhcp/dhcpd.conf",
                "[labsrv] reload dhcp: netgen-svc restart dhcpd", "labsrv: applied (");
        JsonNode run = new ObjectMapper().readTree(r.out());
        assertThat(run.get("mode").asText()).isEqualTo("lab");
        assertThat(run.get("serverReadyMs").asLong()).isPositive();
        assertThat(run.get("passed").asBoolean()).isFalse();

        JsonNode virtio = host(run, "virtio-overlay");
        assertThat(virtio.get("result").asText()).as(r.err()).isEqualTo("passed");
        assertThat(virtio.get("nic").asText()).isEqualTo("virtio-net-pci");
        assertEveryStageInOrder(virtio);
        JsonNode e1000 = host(run, "e1000-symlinks");
        assertThat(e1000.get("result").asText()).as(r.err()).isEqualTo("passed");
        assertThat(e1000.get("nic").asText()).isEqualTo("e1000");
        assertEveryStageInOrder(e1000);

        // The consoles prove what the stages claim: the NIC driver each client used, and each writable-root mode.
        String virtioConsole = Files.readString(html.resolveSibling("check-boot/virtio-overlay.console"));
        assertThat(virtioConsole).contains("netgen: drivers: eth0 uses virtio_net", "netgen: root: overlay of the NFS root",
                "DHCPACK on 10.77.0.11 to 52:54:00:77:00:11", "RRQ from 10.77.0.11 filename /pxelinux.0", BusyboxRoot.MARKER);
        String e1000Console = Files.readString(html.resolveSibling("check-boot/e1000-symlinks.console"));
        assertThat(e1000Console).contains("netgen: drivers: eth0 uses e1000", "netgen: root: RAM root with symlinks", BusyboxRoot.MARKER);

        JsonNode deb = host(run, "debian-root");
        assertThat(deb.get("result").asText()).as(r.err()).isEqualTo("passed");
        assertEveryStageInOrder(deb);
        assertThat(Files.readString(html.resolveSibling("check-boot/debian-root.console")))
                .contains("systemd", ClientMarker.TEXT).doesNotContain("busybox root");

        JsonNode wrongRoot = host(run, "broken-root-path");
        assertThat(wrongRoot.get("failedStage").asText()).isEqualTo("nfs");
        assertThat(wrongRoot.get("reason").asText()).contains("/netboot/not-there");
        assertThat(wrongRoot.get("stages").has("root-path")).isTrue();
        JsonNode noDriver = host(run, "broken-no-driver");
        assertThat(noDriver.get("failedStage").asText()).isEqualTo("drivers");
        assertThat(noDriver.get("reason").asText()).contains("add its driver to the image's modules");
        assertThat(noDriver.get("stages").has("kernel")).isTrue();

        assertThat(r.err()).contains("host broken-root-path failed at stage nfs", "host broken-no-driver failed at stage drivers",
                "    | netgen: FAILED at nfs:", "    | netgen: FAILED at drivers:");
        assertThat(Files.readString(html)).contains("<svg", "virtio-overlay", "FAILED at nfs");
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("qemu"))).isEmpty();
    }

    @Test
    void interruptingTheCheckStopsEveryVmAndRemovesItsFiles() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "dev.netgen.cli.Main",
                "check", "boot", "--lab", "-i", inventory.toString(), "--host", "virtio-overlay", "--html", dir.resolve("x.html").toString())
                .redirectErrorStream(true).start();
        List<ProcessHandle> vms = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.contains("booting 1 client")) {
                // wait until both the server and the client VM run
            }
            assertThat(line).as("netgen ended before booting").isNotNull();
            Thread.sleep(2000);
            p.descendants().forEach(vms::add);
            assertThat(vms).as("the lab server and client VMs").hasSizeGreaterThanOrEqualTo(2);
            p.destroy(); // SIGTERM, like Ctrl-C: the shutdown hook must clean up
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        for (ProcessHandle vm : vms) {
            vm.onExit().get(10, TimeUnit.SECONDS);
            assertThat(vm.isAlive()).as("pid " + vm.pid()).isFalse();
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith("netgen-check-boot"));
        }
    }

    private static JsonNode host(JsonNode run, String name) {
        for (JsonNode h : run.get("hosts")) {
            if (h.get("host").asText().equals(name)) {
                return h;
            }
        }
        throw new AssertionError("no host " + name + " in " + run);
    }

    private static void assertEveryStageInOrder(JsonNode host) {
        long previous = -1;
        for (Stage s : Stage.values()) {
            assertThat(host.get("stages").has(s.id())).as(host.get("host") + " " + s.id()).isTrue();
            long ms = host.get("stages").get(s.id()).asLong();
            assertThat(ms).as(s.id()).isGreaterThanOrEqualTo(previous);
            previous = ms;
        }
    }
}
