package dev.netgen.root;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The HOWTO's "install the distribution into a directory on the server", for Debian: mmdebstrap makes a
 * minbase root from the machine's apt sources, then the kernel package of the image is unpacked into it.
 */
public final class RootCreator {
    private final Function<String, Optional<Path>> which;
    private final AptSources sources;
    private final OutputStream log;
    private final Duration timeout;

    /**
     * @param which finds a tool on the PATH
     * @param log receives progress and the tools' output (stderr in the CLI)
     * @param timeout for mmdebstrap, which downloads and installs every package
     */
    public RootCreator(Function<String, Optional<Path>> which, OutputStream log, Duration timeout) {
        this(which, AptSources.host(), log, timeout);
    }

    RootCreator(Function<String, Optional<Path>> which, AptSources sources, OutputStream log, Duration timeout) {
        this.which = which;
        this.sources = sources;
        this.log = log;
        this.timeout = timeout;
    }

    /** The suite a root is made of when none is given: the machine's own release, so its apt sources apply. */
    public static String defaultSuite() {
        return AptSources.host().codename().orElse("bookworm");
    }

    /**
     * Makes the root, then copies its kernel image to each of {@code kernelCopies} (the TFTP roots under
     * out/ that apply ships); returns those copies.
     */
    public List<Path> create(RootSpec spec, List<Path> kernelCopies) {
        if (!kernelCopies.isEmpty() && spec.kernelVersion().isEmpty()) {
            throw new IllegalArgumentException("kernel copies without a kernel version");
        }
        create(spec);
        kernelCopies.forEach(target -> KernelFiles.copyImage(spec.sysroot(), spec.kernelVersion().orElseThrow(), target));
        return List.copyOf(kernelCopies);
    }

    /** Makes the root described by {@code spec}; SYSROOT must not exist yet or be an empty directory. */
    public void create(RootSpec spec) {
        checkTarget(spec.sysroot());
        Path mmdebstrap = which.apply("mmdebstrap").orElseThrow(() -> NetgenException.usage(
                "mmdebstrap not found: netgen root create runs it to install the root; apt-get install mmdebstrap"));
        if (!isRoot()) {
            throw NetgenException.usage("netgen root create must run as root: mmdebstrap needs it to give the root's files"
                    + " their real owners (run it with sudo)");
        }
        List<Path> mirrors = sources.mirrorsFor(spec.suite());
        Path debDir = null;
        try {
            debDir = spec.kernelVersion().isPresent() ? Files.createTempDirectory("netgen-kernel-deb-") : null;
            List<String> argv = MmdebstrapCommand.arguments(mmdebstrap, spec, mirrors, Optional.ofNullable(debDir));
            progress("netgen: creating " + spec.suite() + " root in " + spec.sysroot() + " with mmdebstrap ("
                    + (mirrors.isEmpty() ? "deb.debian.org" : "this machine's apt sources") + ")");
            try {
                ExternalCommand.run(argv, timeout, log);
                if (debDir != null) {
                    String kver = spec.kernelVersion().orElseThrow();
                    progress("netgen: unpacking " + MmdebstrapCommand.kernelPackage(kver) + " into the root");
                    KernelFiles.install(RootFs.open(spec.sysroot()), kver, onlyDeb(debDir), which, log);
                }
            } catch (NetgenException e) {
                throw new NetgenException(e.exitCode(), e.getMessage() + "; " + spec.sysroot() + " may be half made: remove it"
                        + " before running netgen root create again", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteDebs(debDir);
        }
    }

    /** The mmdebstrap command line {@link #create} would run, for a dry run (the kernel hook's directory is a placeholder). */
    public List<String> commandLine(RootSpec spec) {
        Path mmdebstrap = which.apply("mmdebstrap").orElse(Path.of("mmdebstrap"));
        return MmdebstrapCommand.arguments(mmdebstrap, spec, sources.mirrorsFor(spec.suite()), Optional.of(Path.of("/tmp/netgen-kernel-deb-XXXX")));
    }

    /** Finds an executable on the PATH (and in the sbin directories, which a sudo PATH may lack). */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        return java.util.Arrays.stream(path.split(":")).filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    /** Refuses / anything that is not a new or empty directory, before mmdebstrap gets to see it. */
    static void checkTarget(Path sysroot) {
        Path abs = sysroot.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            RootFs.open(abs);
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(abs.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        RootFs.open(abs);
        try (Stream<Path> entries = Files.list(abs)) {
            if (entries.findAny().isPresent()) {
                throw NetgenException.usage("SYSROOT " + sysroot + " is not empty: netgen root create installs a new root;"
                        + " pass a new or empty directory (netgen root prepare works on an existing root)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path onlyDeb(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> debs = s.filter(p -> p.toString().endsWith(".deb")).toList();
            if (debs.size() != 1) {
                throw NetgenException.internal("expected one kernel package from the download hook in " + dir + ", found " + debs, null);
            }
            return debs.get(0);
        }
    }

    private static void deleteDebs(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void progress(String line) {
        PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8);
        p.println(line);
        p.flush();
    }
}
