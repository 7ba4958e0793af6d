package dev.netgen.initrd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.testsupport.Require;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Boots the Debian kernel under QEMU with the built initramfs and user-mode networking: the init must
 * load the NIC driver by modalias autoload, get a lease from QEMU's DHCP server, and say that no
 * root-path was offered (QEMU's server has none).
 */
class InitramfsBootIT {
    @TempDir
    static Path tmp;

    static TestKernel kernel;
    static Path initrd;

    @BeforeAll
    static void build() throws IOException {
        kernel = TestKernel.require();
        Require.tool("qemu-system-x86_64", "qemu-system-x86");
        initrd = tmp.resolve("initrd.img.gz");
        new InitramfsBuilder().build(new InitramfsSpec(resource("init"), resource("udhcpc.script"), Optional.empty(),
                kernel.sysroot(), kernel.version(), List.of(), initrd));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"virtio-net-pci, virtio_net", "e1000, e1000"})
    void loadsTheNicDriverAndGetsALease(String device, String driver) throws Exception {
        String console = QemuConsole.run(List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "512", "-nographic", "-no-reboot",
                "-kernel", kernel.vmlinuz().toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 panic=-1",
                "-netdev", "user,id=n0,restrict=on", "-device", device + ",netdev=n0"), Duration.ofSeconds(120));
        // kept for whoever reads a CI failure
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "initramfs-boot-" + device + ".log"), console);

        assertThat(console)
                .contains("netgen-test: nfs and overlay loaded")
                .contains("netgen-test: nic eth0 driver " + driver)
                .contains("netgen-test: lease 10.0.2.15")
                .contains("netgen-test: no root-path offered by the DHCP server");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InitramfsBootIT.class.getResourceAsStream("/initrd/" + name)) {
            return in.readAllBytes();
        }
    }
}
