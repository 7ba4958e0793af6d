package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class RootPreparerTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path tmp;

    @AfterEach
    void cleanUp() throws IOException {
        TestRoots.deleteTree(tmp);
    }
    Path root;
    final RootPreparer preparer = new RootPreparer();

    @BeforeEach
    void tree() throws IOException {
        root = TestRoots.debianLike(tmp.resolve("root"));
    }

    @Test
    void dryRunPlansEveryChangeAndChangesNothing() {
        Map<String, String> before = TreeSnapshot.of(root);

        List<Change> plan = preparer.prepare(root, true);

        assertThat(TreeSnapshot.diff(before, TreeSnapshot.of(root))).isEmpty();
        assertThat(plan).extracting(Change::path).containsExactly(
                "/etc/mtab", "/etc/resolv.conf", "/etc/fstab", "/etc/machine-id", "/var/lib/dbus/machine-id", "/etc/hostname",
                "/etc/systemd/system/networking.service", "/etc/systemd/system/ifup@.service",
                "/etc/systemd/system/ifupdown-pre.service", "/etc/systemd/system/ifupdown-wait-online.service",
                "/etc/systemd/system/systemd-networkd.service", "/etc/systemd/system/systemd-networkd.socket",
                "/etc/systemd/system/systemd-networkd-wait-online.service", "/etc/systemd/system/NetworkManager.service",
                "/etc/systemd/system/NetworkManager-wait-online.service", "/etc/systemd/system/dhcpcd.service",
                "/etc/systemd/system/systemd-fsck-root.service", "/etc/systemd/system/systemd-remount-fs.service",
                "/etc/systemd/system/apt-daily.timer", "/etc/systemd/system/apt-daily-upgrade.timer",
                "/etc/systemd/system/serial-getty@ttyS0.service",
                "/var/lib/dpkg", "/var/lib/apt", "/var/cache/apt",
                ClientMarker.UNIT_PATH, ClientMarker.WANTS_PATH);
    }

    @Test
    void appliesEveryChangeAndKeepsWhatItReplaces() throws IOException {
        preparer.prepare(root, false);

        assertThat(link("etc/mtab")).isEqualTo("/proc/mounts");
        assertThat(link("etc/mtab.netgen-orig")).isEqualTo("../proc/self/mounts");
        assertThat(link("etc/resolv.conf")).isEqualTo(RootPreparer.RESOLV_CONF);
        assertThat(read("etc/resolv.conf.netgen-orig")).isEqualTo("nameserver 192.0.2.53\n");

        assertThat(read("etc/fstab")).isEqualTo("""
                # /etc/fstab: static file system information.
                /dev/sda2 /home ext4 defaults 0 2
                # netgen: / is the read-only NFS root made writable by the initramfs; never fsck it
                none / tmpfs defaults 0 0
                """);
        assertThat(read("etc/fstab.netgen-orig")).isEqualTo(TestRoots.FSTAB);

        assertThat(read("etc/machine-id")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/machine-id")))).isEqualTo("r--r--r--");
        assertThat(read("etc/machine-id.netgen-orig")).startsWith("0123456789abcdef");
        assertThat(link("var/lib/dbus/machine-id")).isEqualTo("/etc/machine-id");
        assertThat(root.resolve("etc/hostname")).doesNotExist();
        assertThat(read("etc/hostname.netgen-orig")).isEqualTo("builder\n");

        for (String unit : new String[] {"networking.service", "ifup@.service", "systemd-networkd.service", "NetworkManager.service",
                "systemd-fsck-root.service", "systemd-remount-fs.service", "apt-daily.timer", "apt-daily-upgrade.timer",
                "serial-getty@ttyS0.service"}) {
            assertThat(link("etc/systemd/system/" + unit)).as(unit).isEqualTo("/dev/null");
        }
        // Units whose package is not in the root and that cannot hurt the NFS root are left alone.
        assertThat(root.resolve("etc/systemd/system/man-db.timer")).doesNotExist();

        assertThat(link("var/lib/dpkg")).isEqualTo("/usr/var/lib/dpkg");
        assertThat(read("usr/var/lib/dpkg/status")).contains("Package: systemd");
        assertThat(link("var/lib/apt")).isEqualTo("/usr/var/lib/apt");
        assertThat(root.resolve("usr/var/lib/apt/lists/lock")).exists();
        assertThat(link("var/cache/apt")).isEqualTo("/usr/var/cache/apt");
        assertThat(root.resolve("usr/var/cache/apt/archives")).isDirectory();

        assertThat(read("etc/systemd/system/netgen-marker.service"))
                .contains("ExecStart=/bin/sh -c 'echo \"" + ClientMarker.TEXT + "\" >/dev/console'")
                .contains("WantedBy=multi-user.target");
        assertThat(link("etc/systemd/system/multi-user.target.wants/netgen-marker.service")).isEqualTo(ClientMarker.UNIT_PATH);
    }

    @Test
    void secondRunChangesNothing() {
        preparer.prepare(root, false);
        Map<String, String> prepared = TreeSnapshot.of(root);

        assertThat(preparer.plan(root)).isEmpty();
        assertThat(preparer.prepare(root, false)).isEmpty();
        assertThat(TreeSnapshot.diff(prepared, TreeSnapshot.of(root))).isEmpty();
    }

    @Test
    void withUdevTheSerialGettyStays() throws IOException {
        Files.writeString(root.resolve("usr/lib/systemd/systemd-udevd"), "");

        assertThat(preparer.plan(root)).extracting(Change::path).doesNotContain("/etc/systemd/system/serial-getty@ttyS0.service");
    }

    @Test
    void leavesSystemdResolvedInChargeButMakesItsLinkAbsolute() throws IOException {
        Files.delete(root.resolve("etc/resolv.conf"));
        Files.createSymbolicLink(root.resolve("etc/resolv.conf"), Path.of("../run/systemd/resolve/stub-resolv.conf"));

        preparer.prepare(root, false);

        assertThat(link("etc/resolv.conf")).isEqualTo("/run/systemd/resolve/stub-resolv.conf");
        assertThat(link("etc/resolv.conf.netgen-orig")).isEqualTo("../run/systemd/resolve/stub-resolv.conf");
    }

    @Test
    void keepsTheFirstOriginalWhenRunAgainAfterAnEdit() throws IOException {
        preparer.prepare(root, false);
        Files.writeString(root.resolve("etc/fstab"), "UUID=ffff / xfs defaults 0 1\n");

        List<Change> again = preparer.prepare(root, false);

        assertThat(again).extracting(Change::describe).containsExactly(
                "write /etc/fstab: root entry replaced by 'none / tmpfs defaults 0 0' (no fsck of /), other entries kept");
        assertThat(read("etc/fstab")).endsWith("\n" + RootPreparer.FSTAB_ROOT + "\n").doesNotContain("xfs");
        assertThat(read("etc/fstab.netgen-orig")).isEqualTo(TestRoots.FSTAB);
    }

    @Test
    void fstabRewriteIsIdempotent() {
        String once = RootPreparer.rewriteFstab(TestRoots.FSTAB);
        assertThat(RootPreparer.rewriteFstab(once)).isEqualTo(once);
        assertThat(RootPreparer.rewriteFstab("")).isEqualTo(
                "# netgen: / is the read-only NFS root made writable by the initramfs; never fsck it\nnone / tmpfs defaults 0 0\n");
    }

    @Test
    void refusesTheHostRootAFileAndARootWithoutSystemd() throws IOException {
        assertUsage(() -> preparer.plan(Path.of("/")), "SYSROOT / is the host's own root directory /");
        Path link = Files.createSymbolicLink(tmp.resolve("slash"), Path.of("/"));
        assertUsage(() -> preparer.plan(link), "is the host's own root directory /");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertUsage(() -> preparer.plan(file), "is not a directory");
        assertUsage(() -> preparer.plan(tmp.resolve("missing")), "is not a directory");
        Files.delete(root.resolve("usr/lib/systemd/systemd"));
        assertUsage(() -> preparer.plan(root), "has no systemd (/lib/systemd/systemd)");
    }

    private static void assertUsage(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(NetgenException.class).hasMessageContaining(message)
                .extracting(e -> ((NetgenException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    private String link(String path) throws IOException {
        return Files.readSymbolicLink(root.resolve(path)).toString();
    }

    private String read(String path) throws IOException {
        return Files.readString(root.resolve(path));
    }
}
