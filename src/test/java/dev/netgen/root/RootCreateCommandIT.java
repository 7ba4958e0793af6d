package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.cli.CommandFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `netgen root create --image` for real, uncached: mmdebstrap from this machine's apt sources, the
 * image's kernel unpacked into the root and copied to out/<server>/<tftp-root>/<kernel> of each server.
 */
class RootCreateCommandIT {
    Path work;

    @BeforeEach
    void workDir() throws Exception {
        CachedDebianRoot.get(); // the same preconditions (root, mmdebstrap); and a warm apt cache for the kernel lookup
        work = Files.createTempDirectory("netgen-root-create-it-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        CachedDebianRoot.delete(work);
    }

    @Test
    void createsTheRootAndShipsTheImagesKernelToEveryServerThatBootsIt() throws Exception {
        String kver = CachedDebianRoot.kernelVersion();
        // The fixture with the current Debian kernel instead of its fixed version.
        Path inventory = work.resolve("inventory.yaml");
        Files.writeString(inventory, Files.readString(ImageKernelTest.INVENTORY).replace("6.1.0-56-amd64", kver));
        Path sysroot = work.resolve("roots/deb");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = CommandFactory.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute("root", "create",
                "-i", inventory.toString(), "--image", "deb", "--out", work.resolve("out").toString(), "--include", "less", sysroot.toString());

        assertThat(code).as(err.toString()).isZero();
        Path boot1 = work.resolve("out/boot1/tftpboot/vmlinuz-deb");
        Path boot2 = work.resolve("out/boot2/srv/tftp/vmlinuz-deb");
        assertThat(out.toString()).isEqualTo(boot1 + "\n" + boot2 + "\n");
        RootFs fs = RootFs.open(sysroot);
        assertThat(boot1).hasSameBinaryContentAs(fs.resolveFollowing("/boot/vmlinuz-" + kver));
        assertThat(boot2).hasSameBinaryContentAs(boot1);
        assertThat(fs.resolveFollowing("/lib/modules/" + kver + "/modules.dep")).isNotEmptyFile();
        assertThat(fs.existsFollowing("/usr/bin/less")).isTrue();
        assertThat(err.toString()).contains("netgen: creating ").contains("I: success").contains("netgen: unpacking linux-image-" + kver)
                .contains("netgen: root created in " + sysroot);

        // A second create into the same, now used, directory is refused before mmdebstrap runs.
        StringWriter err2 = new StringWriter();
        int again = CommandFactory.create(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true))
                .execute("root", "create", sysroot.toString());
        assertThat(again).isEqualTo(2);
        assertThat(err2.toString()).startsWith("SYSROOT " + sysroot + " is not empty: ");
    }
}
