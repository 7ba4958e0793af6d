package dev.netgen.initrd;

import dev.netgen.testsupport.NetgenRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.cli.CommandFactory;
import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import dev.netgen.render.RenderService;
import dev.netgen.testsupport.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netgen initrd} through the same CommandFactory as the jar, and the service behind it. */
class InitrdCommandTest {
    @TempDir
    Path tmp;

    static TestKernel kernel;

    @BeforeAll
    static void setUp() {
        kernel = TestKernel.require();
        Require.tool("cpio", "cpio");
        Path busybox = Require.tool("busybox", "busybox-static");
        Require.that(BusyboxLocator.isStatic(busybox), busybox + " is not static: apt-get install busybox-static");
    }


    private static NetgenRun netgen(String... args) {
        return NetgenRun.of(args);
    }

    @Test
    void buildsTheImagesInitramfsWithItsRenderedInitAndModules() throws Exception {
        Path inv = TestInventory.write(tmp, kernel, "ext4");
        Path img = tmp.resolve("initrd.img");

        NetgenRun r = netgen("initrd", "-i", inv.toString(), "--image", "debian", "--sysroot", kernel.sysroot().toString(), "-o", img.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(img + System.lineSeparator());
        assertThat(r.err()).containsPattern("initramfs for image debian: [0-9.]+ MB, [0-9]+ modules, busybox /")
                .contains("built into the kernel: af_packet");
        Cmd.run(tmp, "sh", "-c", "gzip -dc initrd.img > initrd.cpio && mkdir x && cd x && cpio -id --quiet --no-absolute-filenames init etc/udhcpc.script < ../initrd.cpio");
        byte[] rendered = RenderService.render(RenderService.load(inv), Optional.empty()).stream()
                .filter(f -> f.path().equals("images/debian/init")).findFirst().orElseThrow().content();
        assertThat(tmp.resolve("x/init")).hasBinaryContent(rendered);
        assertThat(Files.readString(tmp.resolve("x/etc/udhcpc.script"))).contains("udhcpc event script");
        assertThat(Cmd.run(tmp, tmp.resolve("initrd.cpio"), "cpio", "-t", "--quiet"))
                .contains("lib/modules/" + kernel.version() + "/kernel/fs/ext4/ext4.ko");
    }

    @Test
    void defaultOutputIsEveryBootingServersTftpRoot() throws Exception {
        Path inv = TestInventory.write(tmp, kernel, "");
        Path out = tmp.resolve("out");

        InitrdService.Built built = new InitrdService(new InitramfsBuilder())
                .build(RenderService.load(inv), "debian", kernel.sysroot(), Optional.empty(), Optional.empty(), out);

        Path boot1 = out.resolve("boot1/tftpboot/initrd-debian.img");
        Path boot2 = out.resolve("boot2/srv/tftp/initrd-debian.img");
        assertThat(built.outputs()).containsExactly(boot1, boot2);
        assertThat(Files.readAllBytes(boot2)).isEqualTo(Files.readAllBytes(boot1));
        assertThat(out.resolve("idle")).doesNotExist();
    }

    @Test
    void unknownImageAndUnbootedImageAreUsageErrors() throws Exception {
        Path inv = TestInventory.write(tmp, kernel, "");
        NetgenRun unknown = netgen("initrd", "-i", inv.toString(), "--image", "nope", "--sysroot", kernel.sysroot().toString());
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("no image 'nope' in the inventory; images: debian, unused");

        assertThatThrownBy(() -> new InitrdService(new InitramfsBuilder())
                .build(RenderService.load(inv), "unused", kernel.sysroot(), Optional.empty(), Optional.empty(), tmp.resolve("out")))
                .isInstanceOf(NetgenException.class)
                .hasMessageContaining("image 'unused' is booted by no host")
                .hasMessageContaining("pass -o FILE");
    }

    @Test
    void missingModuleAndMissingKernelAreClearErrors() throws Exception {
        Path inv = TestInventory.write(tmp, kernel, "no_such_driver");
        NetgenRun r = netgen("initrd", "-i", inv.toString(), "--image", "debian", "--sysroot", kernel.sysroot().toString(),
                "-o", tmp.resolve("i.img").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("kernel module no_such_driver not found in " + kernel.moduleDir());
        assertThat(tmp.resolve("i.img")).doesNotExist();

        NetgenRun noKernel = netgen("initrd", "-i", inv.toString(), "--image", "debian", "--sysroot", tmp.toString(),
                "-o", tmp.resolve("i.img").toString());
        assertThat(noKernel.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(noKernel.err()).contains("no kernel modules for " + kernel.version())
                .contains("apt-get download linux-image-" + kernel.version());
    }

    @Test
    void helpNamesTheOptions() {
        NetgenRun r = netgen("initrd", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--image=NAME", "--sysroot=DIR", "--busybox=FILE", "-o, --output=FILE");
        assertThat(List.of(r.out())).isNotEmpty();
    }
}
