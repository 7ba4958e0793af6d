package dev.netgen.bootcheck;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debian kernel the lab's VMs run, unpacked (never installed: a kernel package runs hooks) under
 * {@code $NETGEN_CACHE/kernel/<package>_<version>/}, the same place the initrd build takes it from.
 *
 * @param dir     the unpacked package (boot/, lib/modules/)
 * @param version the kernel release, e.g. 6.1.0-56-amd64
 */
record DebianKernel(Path dir, String version) {
    Path vmlinuz() {
        return dir.resolve("boot/vmlinuz-" + version);
    }

    Path modules() {
        return dir.resolve("lib/modules/" + version);
    }

    /** The newest unpacked kernel in the cache, or the one linux-image-amd64 depends on, fetched with apt. */
    static DebianKernel locate(LabCache cache) {
        return cached(cache.root().resolve("kernel")).orElseGet(() -> fetch(cache));
    }

    static Optional<DebianKernel> cached(Path kernels) {
        if (!Files.isDirectory(kernels)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(kernels)) {
            return s.filter(p -> p.getFileName().toString().startsWith("linux-image-"))
                    .sorted(Comparator.reverseOrder())
                    .map(DebianKernel::of).flatMap(Optional::stream).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<DebianKernel> of(Path dir) {
        try (Stream<Path> s = Files.list(dir.resolve("boot"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("vmlinuz-")).sorted()
                    .map(n -> new DebianKernel(dir, n.substring("vmlinuz-".length())))
                    .filter(k -> Files.isDirectory(k.modules())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static DebianKernel fetch(LabCache cache) {
        String depends = Tools.run(null, List.of("apt-cache", "depends", "linux-image-amd64"));
        String pkg = depends.lines().map(String::strip).filter(l -> l.startsWith("Depends: linux-image-"))
                .map(l -> l.substring("Depends: ".length())).findFirst()
                .orElseThrow(() -> new NetgenException(ExitCode.BOOT_FAILED,
                        "apt knows no kernel package behind linux-image-amd64; run apt-get update"));
        Path debs = cache.root().resolve("debs");
        Path dest = cache.root().resolve("kernel").resolve(pkg);
        Path tmp = cache.partial(dest);
        try {
            Files.createDirectories(debs);
        } catch (IOException e) {
            throw NetgenException.internal("cannot create " + debs + ": " + e.getMessage(), e);
        }
        Tools.run(debs, List.of("apt-get", "download", "-q", pkg));
        Tools.sh(null, "dpkg -x \"$(ls " + debs + "/" + pkg + "_*.deb | tail -n1)\" " + tmp);
        cache.commit(tmp, dest);
        return of(dest).orElseThrow(() -> new NetgenException(ExitCode.BOOT_FAILED, pkg + " holds no kernel under boot/"));
    }
}
