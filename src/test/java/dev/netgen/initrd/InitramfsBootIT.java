package dev.netgen.initrd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.testsupport.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Boots the Debian kernel under QEMU with the initramfs that the built jar's {@code netgen initrd} makes
 * (the image's rendered init) and user-mode networking: the init must load the NIC driver by modalias
 * autoload (the image lists no modules), get a lease from QEMU's DHCP server, and say that no root-path
 * was offered (QEMU's server has none).
 */
class InitramfsBootIT {
    @TempDir
    static Path tmp;

    static TestKernel kernel;
    static Path initrd;

    @BeforeAll
    static void build() throws Exception {
        kernel = TestKernel.require();
        Require.tool("qemu-system-x86_64", "qemu-system-x86");
        Path jar = Path.of("target/netgen.jar").toAbsolutePath();
        Require.that(Files.isRegularFile(jar), "target/netgen.jar missing: run mvn package first");
        Path inventory = TestInventory.write(tmp, kernel, "");
        initrd = tmp.resolve("initrd-debian.img");
        Cmd.run(tmp, "java", "-jar", jar.toString(), "initrd", "-i", inventory.toString(), "--image", "debian",
                "--sysroot", kernel.sysroot().toString(), "-o", initrd.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"virtio-net-pci, virtio_net", "e1000, e1000"})
    void loadsTheNicDriverByModaliasAndGetsALease(String device, String driver) throws Exception {
        String console = QemuConsole.run(List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "512", "-nographic", "-no-reboot",
                "-kernel", kernel.vmlinuz().toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 panic=-1 netgen.onfail=poweroff",
                "-netdev", "user,id=n0,restrict=on", "-device", device + ",netdev=n0"), Duration.ofSeconds(120));
        // kept for whoever reads a CI failure
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "initramfs-boot-" + device + ".log"), console);

        assertThat(console)
                .contains("netgen: drivers: eth0 uses " + driver)
                .contains("netgen: dhcp: lease 10.0.2.15/")
                .contains("netgen: FAILED at root-path: no root-path was offered by the DHCP server");
    }

    /**
     * With a root-path pointing at the client itself (nothing listens there, so the mount fails at once)
     * the init gets past loading nfs and overlay, proving that busybox modprobe loads them with the
     * modules.dep written here.
     */
    @Test
    void loadsNfsAndOverlayBeforeMounting() throws Exception {
        String console = QemuConsole.run(List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "512", "-nographic", "-no-reboot",
                "-kernel", kernel.vmlinuz().toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 panic=-1 netgen.onfail=poweroff nfsroot=10.0.2.15:/srv/none",
                "-netdev", "user,id=n0,restrict=on", "-device", "virtio-net-pci,netdev=n0"), Duration.ofSeconds(180));
        Files.writeString(Path.of("target", "initramfs-boot-nfs.log"), console);

        assertThat(console)
                .contains("netgen: root-path: 10.0.2.15:/srv/none")
                .contains("netgen: FAILED at nfs: cannot mount 10.0.2.15:/srv/none")
                .doesNotContain("has no NFS client", "has no overlayfs");
    }
}
