package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.cli.CommandFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `netgen root create` and `netgen root prepare` on a real Debian root made with mmdebstrap (cached). */
class DebianRootIT {
    Path work;
    Path root;

    @BeforeEach
    void copyOfTheCachedRoot() throws Exception {
        CachedDebianRoot.get();
        work = Files.createTempDirectory("netgen-root-it-");
        root = CachedDebianRoot.copyTo(work);
    }

    @AfterEach
    void cleanUp() throws Exception {
        CachedDebianRoot.delete(work);
    }

    @Test
    void createdRootHasSystemdAndTheUnpackedKernel() throws Exception {
        String kver = CachedDebianRoot.kernelVersion();
        RootFs fs = RootFs.open(root);

        assertThat(fs.resolveFollowing("/sbin/init")).isEqualTo(fs.resolveFollowing("/lib/systemd/systemd")).isRegularFile();
        assertThat(chroot("dpkg-query", "-W", "-f", "${Package} ${Status}\n", "systemd-sysv", "kmod"))
                .isEqualTo("kmod install ok installed\nsystemd-sysv install ok installed\n");
        Path modules = fs.resolveFollowing("/lib/modules/" + kver);
        assertThat(Files.readString(modules.resolve("modules.dep"))).contains("kernel/fs/nfs/nfs.ko:").contains("kernel/fs/overlayfs/overlay.ko:");
        assertThat(chroot("modinfo", "-k", kver, "-F", "name", "virtio_net")).isEqualTo("virtio_net\n");
        // Unpacked, not installed: no maintainer scripts ran, so there is no initramfs and dpkg does not know it.
        assertThat(chroot("sh", "-c", "dpkg-query -W linux-image-" + kver + " 2>&1 || true")).contains("no packages found");
        assertThat(fs.resolve("/boot/initrd.img-" + kver)).doesNotExist();

        Path kernel = work.resolve("out/boot1/tftpboot/vmlinuz-" + kver);
        KernelFiles.copyImage(root, kver, kernel);
        assertThat(kernel).hasSameBinaryContentAs(fs.resolveFollowing(KernelFiles.imagePath(kver)));
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        Map<String, String> before = TreeSnapshot.of(root);

        StringWriter out = new StringWriter();
        int code = CommandFactory.create(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("root", "prepare", "--dry-run", root.toString());

        assertThat(code).isZero();
        assertThat(TreeSnapshot.diff(before, TreeSnapshot.of(root))).isEmpty();
        assertThat(out.toString().lines()).containsExactlyElementsOf(new RootPreparer().plan(root).stream().map(Change::describe).toList());
    }

    @Test
    void prepareMakesExactlyThePlannedChangesAndASecondRunNone() throws Exception {
        Map<String, String> before = TreeSnapshot.of(root);

        List<Change> plan = new RootPreparer().prepare(root, false);
        Map<String, String> after = TreeSnapshot.of(root);

        assertEveryChangeMade(plan);
        assertNothingElseChanged(plan, before, after);

        RootFs fs = RootFs.open(root);
        assertThat(fs.linkTarget("/etc/mtab")).contains("/proc/mounts");
        assertThat(fs.linkTarget("/etc/resolv.conf")).contains(RootPreparer.RESOLV_CONF);
        assertThat(fs.read("/etc/fstab")).endsWith("\nnone / tmpfs defaults 0 0\n");
        assertThat(fs.read("/etc/machine-id")).isEmpty();
        assertThat(fs.exists("/etc/hostname")).isFalse();
        // systemd's own view of the units, offline in the root.
        assertThat(chroot("sh", "-c", "systemctl is-enabled serial-getty@ttyS0.service systemd-fsck-root.service"
                + " systemd-remount-fs.service apt-daily.timer networking.service systemd-networkd.service " + ClientMarker.UNIT + " || true"))
                .isEqualTo("masked\nmasked\nmasked\nmasked\nmasked\nmasked\nenabled\n");
        // The moved package database still works through its symlinks.
        assertThat(chroot("dpkg-query", "-W", "-f", "${Status}", "systemd")).isEqualTo("install ok installed");
        assertThat(chroot("apt-get", "check")).contains("Reading state information");

        // (apt-get check wrote its pkgcache.bin, so the second run is compared with the tree after the checks.)
        Map<String, String> checked = TreeSnapshot.of(root);
        assertThat(new RootPreparer().prepare(root, false)).isEmpty();
        assertThat(TreeSnapshot.diff(checked, TreeSnapshot.of(root))).isEmpty();
    }

    private void assertEveryChangeMade(List<Change> plan) throws IOException {
        RootFs fs = RootFs.open(root);
        for (Change c : plan) {
            if (c instanceof Change.Symlink s) {
                assertThat(fs.linkTarget(s.path())).as(s.describe()).contains(s.target());
            } else if (c instanceof Change.MaskUnit m) {
                assertThat(fs.linkTarget(m.path())).as(m.describe()).contains("/dev/null");
            } else if (c instanceof Change.WriteFile w) {
                assertThat(fs.read(w.path())).as(w.describe()).isEqualTo(w.content());
            } else if (c instanceof Change.MoveDir d) {
                assertThat(fs.linkTarget(d.path())).as(d.describe()).contains(d.to());
                assertThat(fs.isDirectory(d.to())).as(d.describe()).isTrue();
            } else if (c instanceof Change.SetAside a) {
                assertThat(fs.exists(a.path())).as(a.describe()).isFalse();
                assertThat(fs.exists(a.path() + Change.ORIGINAL_SUFFIX)).as(a.describe()).isTrue();
            } else {
                throw new AssertionError("no check for " + c);
            }
        }
    }

    /** Every path that differs is a planned path, its kept original, a moved tree or a directory made for one. */
    private static void assertNothingElseChanged(List<Change> plan, Map<String, String> before, Map<String, String> after) {
        Set<String> changed = TreeSnapshot.changedPaths(before, after);
        for (Change c : plan) {
            assertThat(changed).as("changed paths").contains(c.path());
        }
        for (String p : changed) {
            boolean planned = plan.stream().anyMatch(c -> p.equals(c.path()) || p.equals(c.path() + Change.ORIGINAL_SUFFIX)
                    || c instanceof Change.MoveDir d && (p.startsWith(d.path() + "/") || p.equals(d.to()) || p.startsWith(d.to() + "/")
                    || d.to().startsWith(p + "/")));
            assertThat(planned).as("unplanned change at " + p + ": " + before.get(p) + " -> " + after.get(p)).isTrue();
        }
    }

    private String chroot(String... command) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("chroot", root.toString()));
        argv.addAll(List.of(command));
        return CachedDebianRoot.run(argv);
    }
}
