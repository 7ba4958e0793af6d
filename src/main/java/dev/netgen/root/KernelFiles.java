package dev.netgen.root;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts a kernel package's image and modules into a root by unpacking it (no maintainer scripts, so no
 * initramfs is generated: netgen builds its own), indexes the modules with the root's depmod, and copies
 * the image to where {@code apply} ships it to the TFTP root.
 */
public final class KernelFiles {
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    private KernelFiles() {
    }

    /** The kernel image inside a root, as the Debian package installs it. */
    public static String imagePath(String kernelVersion) {
        return "/boot/vmlinuz-" + kernelVersion;
    }

    static void install(RootFs fs, String kver, Path deb, Function<String, Optional<Path>> which, OutputStream log) {
        Path dpkgDeb = which.apply("dpkg-deb").orElseThrow(() -> NetgenException.usage(
                "dpkg-deb not found: netgen root create unpacks the kernel package with it; apt-get install dpkg"));
        Path unpacked = null;
        try {
            unpacked = Files.createTempDirectory("netgen-kernel-");
            ExternalCommand.run(List.of(dpkgDeb.toString(), "-x", deb.toString(), unpacked.toString()), STEP_TIMEOUT, log);
            Path modules = firstExisting(unpacked.resolve("lib/modules/" + kver), unpacked.resolve("usr/lib/modules/" + kver))
                    .orElseThrow(() -> NetgenException.internal(deb.getFileName() + " has no lib/modules/" + kver
                            + ": is it the package of kernel " + kver + "?", null));
            copyContents(modules, fs.resolveFollowing("/lib/modules").resolve(kver), log);
            copyContents(unpacked.resolve("boot"), fs.resolveFollowing("/boot"), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(unpacked, log);
        }
        if (!fs.isFile(imagePath(kver))) {
            throw NetgenException.internal(deb.getFileName() + " did not contain " + imagePath(kver), null);
        }
        Path chroot = which.apply("chroot").orElseThrow(() -> NetgenException.usage("chroot not found: apt-get install coreutils"));
        ExternalCommand.run(List.of(chroot.toString(), fs.root().toString(), "depmod", kver), STEP_TIMEOUT, log);
    }

    /** Copies the root's kernel image to {@code destination} (for example out/<server>/<tftp-root>/<kernel>). */
    public static void copyImage(Path sysroot, String kernelVersion, Path destination) {
        RootFs fs = RootFs.open(sysroot);
        String image = imagePath(kernelVersion);
        if (!fs.existsFollowing(image)) {
            throw NetgenException.usage(sysroot + " has no " + image + ": create the root with --kernel-version " + kernelVersion);
        }
        try {
            Path parent = destination.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".netgen-kernel", ".tmp");
            Files.copy(fs.resolveFollowing(image), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> firstExisting(Path... candidates) {
        return Stream.of(candidates).filter(Files::isDirectory).findFirst();
    }

    /** {@code cp -a}, because it keeps modes, times and links exactly; the destination is already resolved inside the root. */
    private static void copyContents(Path source, Path destination, OutputStream log) throws IOException {
        if (Files.isDirectory(source)) {
            Files.createDirectories(destination);
            ExternalCommand.run(List.of("cp", "-a", source + "/.", destination + "/"), STEP_TIMEOUT, log);
        }
    }

    private static void deleteTree(Path dir, OutputStream log) {
        if (dir != null && Files.exists(dir)) {
            ExternalCommand.run(List.of("rm", "-rf", "--one-file-system", dir.toString()), STEP_TIMEOUT, log);
        }
    }
}
