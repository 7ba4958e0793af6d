package dev.netgen.cli;

import dev.netgen.root.KernelFiles;
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

/** `netgen root create SYSROOT`: mmdebstrap output and progress on stderr; stdout stays empty unless --dry-run. */
@Command(name = "create", mixinStandardHelpOptions = true,
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

    @Option(names = "--kernel-version", paramLabel = "VERSION",
            description = "Unpack linux-image-VERSION into the root: modules under /lib/modules/VERSION, image /boot/vmlinuz-VERSION.")
    String kernelVersion;

    @Option(names = "--kernel-out", paramLabel = "FILE",
            description = "Also copy the kernel image to FILE, e.g. out/<server>/<tftp-root>/<kernel>, where apply ships it from.")
    Path kernelOut;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "30", description = "Limit for mmdebstrap (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--dry-run", description = "Print the mmdebstrap command line and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (kernelOut != null && kernelVersion == null) {
            throw NetgenException.usage("--kernel-out needs --kernel-version: it names which kernel image to copy");
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
        creator.create(rootSpec);
        if (kernelOut != null) {
            KernelFiles.copyImage(sysroot, kernelVersion, kernelOut);
            spec.commandLine().getErr().println("netgen: kernel copied to " + kernelOut);
        }
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
