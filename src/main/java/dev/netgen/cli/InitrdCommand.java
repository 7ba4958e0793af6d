package dev.netgen.cli;

import dev.netgen.initrd.InitramfsBuilder;
import dev.netgen.initrd.InitramfsResult;
import dev.netgen.initrd.InitrdService;
import dev.netgen.render.RenderService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "initrd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Build the client initramfs of an image: busybox, the rendered init and udhcpc script, and the kernel "
                + "modules for an NFS root (NFS, overlay, common NIC drivers, the image's modules) with their dependencies.",
                "Written to out/<server>/<tftp-root>/<initrd> for every server that boots the image, unless -o is given."})
final class InitrdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    InventoryOptions inventory;

    @Option(names = "--image", required = true, paramLabel = "NAME", description = "The image to build the initramfs for.")
    String image;

    @Option(names = "--sysroot", paramLabel = "DIR", defaultValue = "/",
            description = "Root holding lib/modules/<kernel-version> and perhaps a static busybox (default: ${DEFAULT-VALUE}).")
    Path sysroot;

    @Option(names = "--busybox", paramLabel = "FILE",
            description = "Static busybox to use (default: the sysroot's, else the host's).")
    Path busybox;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the initramfs here instead.")
    Path output;

    @Override
    public Integer call() {
        InitrdService.Built built = new InitrdService(new InitramfsBuilder()).build(RenderService.load(inventory.path()), image,
                sysroot, Optional.ofNullable(busybox), Optional.ofNullable(output), Path.of("out"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        built.outputs().forEach(out::println);
        InitramfsResult r = built.result();
        err.printf(Locale.ROOT, "initramfs for image %s: %.1f MB, %d modules, busybox %s%s%n", image, r.bytes() / 1e6,
                r.modules().size(), r.busybox(), r.builtin().isEmpty() ? "" : "; built into the kernel: " + String.join(", ", r.builtin()));
        return 0;
    }
}
