package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.cli.CommandFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The `netgen root` commands through the same CommandFactory as the jar, with captured output. */
class RootCliTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void cleanUp() throws IOException {
        TestRoots.deleteTree(tmp);
    }

    @Test
    void prepareDryRunPrintsThePlanAndChangesNothing() throws IOException {
        Path root = TestRoots.debianLike(tmp.resolve("root"));
        Map<String, String> before = TreeSnapshot.of(root);

        int code = run("root", "prepare", "--dry-run", root.toString());

        assertThat(code).isZero();
        assertThat(TreeSnapshot.diff(before, TreeSnapshot.of(root))).isEmpty();
        assertThat(out.toString()).startsWith("link  /etc/mtab -> /proc/mounts: ")
                .contains("mask  systemd-fsck-root.service: the root is an NFS export: there is no block device to check\n")
                .contains("move  /var/lib/dpkg -> /usr/var/lib/dpkg (symlinked back): ");
        assertThat(out.toString().lines()).hasSize(26);
        assertThat(err.toString()).isEqualTo("netgen: 26 change(s) planned for " + root + " (dry run: nothing was changed)\n");
    }

    @Test
    void prepareTwiceSaysTheSecondTimeThatNothingChanged() throws IOException {
        Path root = TestRoots.debianLike(tmp.resolve("root"));
        assertThat(run("root", "prepare", root.toString())).isZero();
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        assertThat(run("root", "prepare", root.toString())).isZero();

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("netgen: " + root + " is already prepared: nothing to change\n");
    }

    @Test
    void refusingTheHostRootIsAUsageError() {
        assertThat(run("root", "prepare", "/")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("SYSROOT / is the host's own root directory /: netgen edits a client root in place,"
                + " so it must be a separate directory such as /srv/netboot/bookworm\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void createDryRunPrintsTheMmdebstrapCommand() {
        assertThat(run("root", "create", "--dry-run", "--suite", "trixie", "--include", "busybox,iproute2", "--include", "less",
                tmp.resolve("new").toString())).isZero();

        assertThat(out.toString()).endsWith(" --mode=root --variant=minbase --include=systemd-sysv,kmod,busybox,iproute2,less trixie "
                + tmp.resolve("new") + "\n");
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    @Test
    void createWithAnImageTakesTheKernelVersionFromTheInventory() {
        assertThat(run("root", "create", "--dry-run", "-i", ImageKernelTest.INVENTORY.toString(), "--image", "deb",
                tmp.resolve("new").toString())).isZero();

        assertThat(out.toString()).contains(" download linux-image-6.1.0-56-amd64'");
    }

    @Test
    void imageAndADifferentKernelVersionContradictEachOther() {
        assertThat(run("root", "create", "-i", ImageKernelTest.INVENTORY.toString(), "--image", "deb", "--kernel-version", "6.1.0-1-amd64",
                tmp.resolve("new").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--kernel-version 6.1.0-1-amd64 differs from image deb's kernel-version 6.1.0-56-amd64;"
                + " give only one of them\n");
    }

    @Test
    void kernelOutWithoutKernelVersionIsAUsageError() {
        assertThat(run("root", "create", "--kernel-out", "x", tmp.resolve("new").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--kernel-out needs --kernel-version or --image: it names which kernel image to copy\n");
    }

    private int run(String... args) {
        int code = CommandFactory.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return code;
    }
}
