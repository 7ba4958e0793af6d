package dev.netgen.initrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.core.NetgenException;
import dev.netgen.testsupport.Require;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole builds against the real Debian kernel and the host's static busybox, read back with cpio. */
class InitramfsBuilderTest {
    private static final byte[] INIT = "#!/bin/sh\necho init\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UDHCPC = "#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    static TestKernel kernel;
    static Path busybox;

    @BeforeAll
    static void setUp() {
        kernel = TestKernel.require();
        Require.tool("cpio", "cpio");
        busybox = Require.tool("busybox", "busybox-static");
        Require.that(BusyboxLocator.isStatic(busybox), busybox + " is not static: apt-get install busybox-static");
    }

    private InitramfsSpec spec(Path out, List<String> modules) {
        return new InitramfsSpec(INIT, UDHCPC, Optional.of(busybox), kernel.sysroot(), kernel.version(), modules, out);
    }

    @Test
    void sameInputsGiveAByteIdenticalFile() throws Exception {
        Path a = tmp.resolve("a/initrd.img.gz");
        Path b = tmp.resolve("b/initrd.img.gz");
        InitramfsResult ra = new InitramfsBuilder().build(spec(a, List.of("e1000", "virtio_net")));
        new InitramfsBuilder().build(spec(b, List.of("virtio_net", "e1000")));

        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(ra.bytes()).isEqualTo(Files.size(a));
        assertThat(Files.getPosixFilePermissions(a)).extracting(Object::toString).contains("OTHERS_READ");
    }

    @Test
    void archiveHasTheLayoutTheInitRelisOn() throws Exception {
        Path out = tmp.resolve("initrd.img.gz");
        InitramfsResult r = new InitramfsBuilder().build(spec(out, List.of("ext4")));
        String mods = "lib/modules/" + kernel.version() + "/";
        Path unpacked = Files.createDirectory(tmp.resolve("x"));
        Cmd.run(tmp, "sh", "-c", "gzip -dc initrd.img.gz > initrd.cpio");
        String listing = Cmd.run(tmp, tmp.resolve("initrd.cpio"), "cpio", "-tv", "--quiet", "--numeric-uid-gid");
        List<String> names = Cmd.run(tmp, tmp.resolve("initrd.cpio"), "cpio", "-t", "--quiet").lines().toList();

        assertThat(names).isSorted().contains("init", "bin/busybox", "bin/sh", "etc/udhcpc.script", "dev/console", "dev/null",
                mods + "modules.dep", mods + "modules.alias", mods + "modules.softdep", mods + "modules.builtin",
                mods + "kernel/fs/nfs/nfs.ko", mods + "kernel/fs/nfs/nfsv3.ko", mods + "kernel/fs/nfs/nfsv4.ko",
                mods + "kernel/fs/overlayfs/overlay.ko", mods + "kernel/drivers/net/virtio_net.ko",
                mods + "kernel/drivers/virtio/virtio_pci.ko", mods + "kernel/drivers/net/ethernet/intel/e1000/e1000.ko",
                mods + "kernel/fs/ext4/ext4.ko", mods + "kernel/crypto/crc32c_generic.ko");
        assertThat(names).containsAll(InitramfsBuilder.DIRECTORIES);
        assertThat(listing).containsPattern("crw------- +1 0 +0 +5, +1 .* dev/console")
                .containsPattern("crw-rw-rw- +1 0 +0 +1, +3 .* dev/null")
                .containsPattern("lrwxrwxrwx .* bin/sh -> busybox")
                .containsPattern("-rwxr-xr-x .* init\n");
        assertThat(listing.lines().filter(l -> !l.matches("\\S+ +\\d+ 0 +0 .* Jan  1  1970 .*"))).as("owner 0:0, mtime 0").isEmpty();
        assertThat(r.modules()).hasSize((int) names.stream().filter(n -> n.endsWith(".ko")).count());
        assertThat(r.builtin()).contains("af_packet");

        Cmd.run(unpacked, tmp.resolve("initrd.cpio"), "cpio", "-id", "--quiet", "--no-absolute-filenames", "init", "bin/busybox", mods + "*");
        assertThat(unpacked.resolve("init")).hasBinaryContent(INIT);
        assertThat(unpacked.resolve("bin/busybox")).hasSameBinaryContentAs(busybox);
        assertThat(Files.readString(unpacked.resolve(mods + "modules.dep")))
                .contains("kernel/fs/ext4/ext4.ko: ")
                .containsPattern("(?m)^kernel/fs/ext4/ext4.ko: .*kernel/crypto/crc32c_generic.ko")
                .containsPattern("(?m)^kernel/fs/overlayfs/overlay.ko:$");
        assertThat(Files.readString(unpacked.resolve(mods + "modules.alias"))).contains("alias virtio:d00000001v* virtio_net");
        assertThat(unpacked.resolve(mods + "kernel/fs/nfs/nfs.ko")).hasSameBinaryContentAs(kernel.moduleDir().resolve("kernel/fs/nfs/nfs.ko"));
    }

    @Test
    void busyboxThatIsNotStaticIsRefusedNamingThePackage() {
        Path dynamic = Path.of("/bin/ls");
        Require.that(Files.isRegularFile(dynamic) && !BusyboxLocator.isStatic(dynamic), "/bin/ls is not a dynamic executable here");
        InitramfsSpec s = new InitramfsSpec(INIT, UDHCPC, Optional.of(dynamic), kernel.sysroot(), kernel.version(), List.of(),
                tmp.resolve("x.gz"));
        assertThatThrownBy(() -> new InitramfsBuilder().build(s))
                .isInstanceOf(NetgenException.class)
                .hasMessageContaining("--busybox /bin/ls is dynamically linked")
                .hasMessageContaining("apt-get install busybox-static");
        assertThat(tmp.resolve("x.gz")).doesNotExist();
    }

    @Test
    void busyboxComesFromTheSysrootThenTheHostAndMustBeStatic() throws Exception {
        Path sysroot = Files.createDirectories(tmp.resolve("sysroot/bin"));
        Path host = Files.createDirectories(tmp.resolve("host/usr/bin"));
        Files.copy(Path.of("/bin/ls"), sysroot.resolve("busybox")); // dynamic: skipped
        Files.copy(busybox, host.resolve("busybox"));
        assertThat(BusyboxLocator.locate(Optional.empty(), Optional.of(tmp.resolve("sysroot")), tmp.resolve("host")))
                .isEqualTo(host.resolve("busybox"));
        Files.delete(host.resolve("busybox"));
        assertThatThrownBy(() -> BusyboxLocator.locate(Optional.empty(), Optional.of(tmp.resolve("sysroot")), tmp.resolve("host")))
                .hasMessageContaining("no statically linked busybox found; rejected " + sysroot.resolve("busybox") + " (dynamically linked)")
                .hasMessageContaining("apt-get install busybox-static")
                .hasMessageContaining("--busybox");
    }

    @Test
    void gzipCompressedModulesAreReadAndStoredPlainXzAreRefused() throws Exception {
        // a small module tree: e1000 gzip'd, as some distributions ship them
        Path root = tmp.resolve("root");
        Path dir = Files.createDirectories(root.resolve("lib/modules/" + kernel.version() + "/kernel/drivers/net"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("e1000.ko.gz")))) {
            Files.copy(kernel.moduleDir().resolve("kernel/drivers/net/ethernet/intel/e1000/e1000.ko"), gz);
        }
        ModuleTree tree = ModuleTree.open(root, kernel.version());
        assertThat(tree.installPath("e1000")).isEqualTo("kernel/drivers/net/e1000.ko");
        assertThat(tree.contents("e1000")).isEqualTo(Files.readAllBytes(kernel.moduleDir().resolve("kernel/drivers/net/ethernet/intel/e1000/e1000.ko")));
        assertThat(tree.info("e1000").aliases()).contains("pci:v00008086d0000100Esv*sd*bc*sc*i*");

        Files.write(dir.resolve("virtio_net.ko.xz"), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0});
        ModuleTree withXz = ModuleTree.open(root, kernel.version());
        assertThatThrownBy(() -> ModuleClosure.resolve(withXz, List.of("virtio_net")))
                .isInstanceOf(NetgenException.class)
                .hasMessageContaining("virtio_net.ko.xz is compressed with xz")
                .hasMessageContaining("xz -d");
    }
}
