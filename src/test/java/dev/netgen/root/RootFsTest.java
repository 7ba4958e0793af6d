package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class RootFsTest {
    @TempDir(cleanup = CleanupMode.NEVER)
    Path tmp;

    @AfterEach
    void cleanUp() throws IOException {
        TestRoots.deleteTree(tmp);
    }

    @Test
    void resolvesSymlinksInsideTheRootNeverOnTheHost() throws IOException {
        Path root = TestRoots.debianLike(tmp.resolve("root"));
        RootFs fs = RootFs.open(root);
        Path real = root.toRealPath();

        // var/run -> /run is absolute: it must lead to <root>/run, not the host's /run.
        assertThat(fs.resolve("/var/run/x")).isEqualTo(real.resolve("run/x"));
        assertThat(fs.resolveFollowing("/lib/systemd/systemd")).isEqualTo(real.resolve("usr/lib/systemd/systemd"));
        // The last component is not followed by resolve, so the link itself can be inspected and replaced.
        assertThat(fs.resolve("/etc/mtab")).isEqualTo(real.resolve("etc/mtab"));
        assertThat(fs.linkTarget("/etc/mtab")).contains("../proc/self/mounts");
        assertThat(fs.resolveFollowing("/etc/mtab")).isEqualTo(real.resolve("proc/self/mounts"));
        // .. never climbs above the root.
        Files.createSymbolicLink(root.resolve("etc/up"), Path.of("../../../../etc"));
        assertThat(fs.resolveFollowing("/etc/up/fstab")).isEqualTo(real.resolve("etc/fstab"));
        assertThat(fs.read("/etc/up/fstab")).isEqualTo(TestRoots.FSTAB);
    }
}
