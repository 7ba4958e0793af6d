package dev.netgen.cli;

import dev.netgen.render.RenderService;
import dev.netgen.root.ImageKernel;
import dev.netgen.root.RootCreator;
import dev.netgen.root.RootSpec;
import dev.netgen.core.NetgenException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `netgen root create SYSROOT`: mmdebstrap output and progress on stderr; stdout lists the kernel copies it wrote (or, with --dry-run, the command line). */
@Command(name = "create", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Install a Debian minbase root for diskless clients into SYSROOT with mmdebstrap (as root), using this"
                + " machine's apt sources, with systemd and kmod, and with --kernel-version that kernel's image and modules"
                + " (unpacked, so no initramfs hooks run).", "Then run 'netgen root prepare SYSROOT'."})
final class RootCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SYSROOT", description = "A new or empty directory (never /).")
    Path sysroot;

    @Option(names = "--suite", paramLabel = "SUITE", description = "Debian release (default: this machine's, ${DEFAULT-VALUE}).")
    String suite = RootCreator.defaultSuite();

    @Option(names = "--include", paramLabel = "PKGS", description = "Extra packages, comma-separated; repeatable.")
    List<String> include = new ArrayList<>();

    @Mixin
    InventoryOptions inventory;

    @Option(names = "--image", paramLabel = "NAME",
            description = "Take the kernel version from this inventory image and copy the kernel to out/<server>/<tftp-root>/<kernel>"
                    + " for every server that boots it, where apply ships it from.")
    String image;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Rendered tree that --image copies the kernel into (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--kernel-version", paramLabel = "VERSION",
            description = "Unpack linux-image-VERSION into the root: modules under /lib/modules/VERSION, image /boot/vmlinuz-VERSION.")
    String kernelVersion;

    @Option(names = "--kernel-out", paramLabel = "FILE",
            description = "Copy the kernel image to FILE (instead of the --image outputs).")
    Path kernelOut;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "30", description = "Limit for mmdebstrap (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--dry-run", description = "Print the mmdebstrap command line and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        List<Path> kernelOutputs = kernelOut == null ? List.of() : List.of(kernelOut);
        if (image != null) {
            ImageKernel k = ImageKernel.of(RenderService.load(inventory.path()), image, outDir);
            if (kernelVersion != null && !kernelVersion.equals(k.kernelVersion())) {
                throw NetgenException.usage("--kernel-version " + kernelVersion + " differs from image " + image + "'s kernel-version "
                        + k.kernelVersion() + "; give only one of them");
            }
            kernelVersion = k.kernelVersion();
            kernelOutputs = kernelOut == null ? k.outputs() : kernelOutputs;
            if (kernelOutputs.isEmpty()) {
                spec.commandLine().getErr().println("netgen: image " + image + " is booted by no host and is no server's default-image:"
                        + " its kernel stays in the root's /boot only");
            }
        }
        if (kernelOut != null && kernelVersion == null) {
            throw NetgenException.usage("--kernel-out needs --kernel-version or --image: it names which kernel image to copy");
        }
        List<String> packages = include.stream().flatMap(v -> RootSpec.splitPackages(v).stream()).toList();
        RootSpec rootSpec = new RootSpec(sysroot, suite, packages, Optional.ofNullable(kernelVersion));
        OutputStream log = new WriterStream(spec.commandLine().getErr());
        RootCreator creator = new RootCreator(RootCreator::onPath, log, Duration.ofMinutes(timeoutMinutes));
        if (dryRun) {
            spec.commandLine().getOut().println(String.join(" ", creator.commandLine(rootSpec)));
            spec.commandLine().getOut().flush();
            return 0;
        }
        creator.create(rootSpec, kernelOutputs).forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getErr().println("netgen: root created in " + sysroot + "; next: netgen root prepare " + sysroot);
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** Lets the tools' byte output go to the command's err writer, so tests capture it like everything else. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
