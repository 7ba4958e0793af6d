package dev.netgen.initrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.testsupport.Require;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive is read back by the real GNU cpio, listing and extracting it. */
class CpioArchiveBuilderTest {
    @TempDir
    Path tmp;

    private static CpioArchiveBuilder sample() {
        return new CpioArchiveBuilder()
                .file("/init", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8), 0755)
                .symlink("/bin/sh", "busybox")
                .file("/bin/busybox", new byte[] {1, 2, 3}, 0755)
                .file("/etc/udhcpc.script", "x".getBytes(StandardCharsets.UTF_8), 0700)
                .directory("/tmp", 01777)
                .charDevice("/dev/console", 5, 1, 0600);
    }

    @Test
    void cpioListsEntriesSortedWithImplicitParents() throws Exception {
        Require.tool("cpio", "cpio");
        Path archive = tmp.resolve("a.cpio");
        Files.write(archive, cpioBytes(sample()));

        assertThat(Cmd.run(tmp, archive, "cpio", "-t", "--quiet").lines())
                .containsExactly("bin", "bin/busybox", "bin/sh", "dev", "dev/console", "etc", "etc/udhcpc.script", "init", "tmp");

        String verbose = Cmd.run(tmp, archive, "cpio", "-tv", "--quiet", "--numeric-uid-gid");
        assertThat(verbose).containsPattern("crw------- +1 0 +0 +5, +1 .* dev/console")
                .containsPattern("lrwxrwxrwx .* 0 +0 .* bin/sh -> busybox")
                .containsPattern("drwxrwxrwt .* tmp")
                .containsPattern("-rwxr-xr-x +1 0 +0 +18 .*1970 init");
    }

    @Test
    void cpioExtractsContentsModesAndSymlinks() throws Exception {
        Require.tool("cpio", "cpio");
        Path archive = tmp.resolve("a.cpio");
        Files.write(archive, cpioBytes(sample().file("/usr/share/x", "y".getBytes(StandardCharsets.UTF_8), 0644)));
        Path out = Files.createDirectory(tmp.resolve("out"));
        // device nodes need root to create; everything else is checked on every machine
        String[] files = {"bin", "bin/busybox", "bin/sh", "etc", "etc/udhcpc.script", "init", "usr", "usr/share", "usr/share/x"};
        String[] cmd = new String[files.length + 4];
        cmd[0] = "cpio";
        cmd[1] = "-i";
        cmd[2] = "--quiet";
        cmd[3] = "--no-absolute-filenames";
        System.arraycopy(files, 0, cmd, 4, files.length);
        Cmd.run(out, archive, cmd);

        assertThat(out.resolve("init")).hasContent("#!/bin/sh\necho hi");
        assertThat(Files.readAllBytes(out.resolve("bin/busybox"))).containsExactly(1, 2, 3);
        assertThat(Files.readSymbolicLink(out.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("init")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("etc/udhcpc.script")))).isEqualTo("rwx------");
        assertThat(out.resolve("usr/share/x")).hasContent("y");
    }

    @Test
    void gzipOutputIsByteIdenticalWhateverTheInsertionOrder() throws Exception {
        Require.tool("gzip", "gzip");
        CpioArchiveBuilder a = new CpioArchiveBuilder().file("b", new byte[] {2}, 0644).file("a/x", new byte[] {1}, 0644);
        CpioArchiveBuilder b = new CpioArchiveBuilder().file("a/x", new byte[] {1}, 0644).file("b", new byte[] {2}, 0644);
        byte[] ga = gzipBytes(a);
        assertThat(gzipBytes(b)).isEqualTo(ga);
        // gzip header: no file name flag, mtime 0
        assertThat(ga[3]).isZero();
        assertThat(new byte[] {ga[4], ga[5], ga[6], ga[7]}).containsOnly(0);
        Path gz = tmp.resolve("a.cpio.gz");
        Files.write(gz, ga);
        Files.write(tmp.resolve("raw.cpio"), cpioBytes(a));
        Cmd.run(tmp, "sh", "-c", "gzip -dc a.cpio.gz | cmp - raw.cpio"); // fails the test on any difference
    }

    @Test
    void refusesDuplicatesAndPathsThatEscape() {
        assertThatThrownBy(() -> new CpioArchiveBuilder().file("a", new byte[0], 0644).file("/a", new byte[0], 0644))
                .hasMessageContaining("duplicate initramfs entry /a");
        assertThatThrownBy(() -> new CpioArchiveBuilder().file("a", new byte[0], 0644).file("a/b", new byte[0], 0644))
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> new CpioArchiveBuilder().file("../etc/passwd", new byte[0], 0644))
                .hasMessageContaining("bad initramfs path");
    }

    private static byte[] cpioBytes(CpioArchiveBuilder b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writeCpio(out);
        return out.toByteArray();
    }

    private static byte[] gzipBytes(CpioArchiveBuilder b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writeGzip(out);
        return out.toByteArray();
    }
}
