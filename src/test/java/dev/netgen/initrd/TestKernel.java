package dev.netgen.initrd;

import dev.netgen.testsupport.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real Debian kernel the tests run against, unpacked by ci/setup.d/20-kernel.sh and announced by
 * ci/env.d/kernel.sh; without those variables the cache's current tree (else its newest) is used.
 */
record TestKernel(Path sysroot, String version) {
    static TestKernel require() {
        String root = System.getenv("NETGEN_TEST_SYSROOT");
        String kver = System.getenv("NETGEN_TEST_KVER");
        if (root == null || kver == null) {
            Path cached = newestCached();
            if (cached != null) {
                root = cached.toString();
                kver = newestChild(cached.resolve("lib/modules")).getFileName().toString();
            }
        }
        Require.that(root != null && kver != null && Files.isDirectory(Path.of(root, "lib/modules", kver)),
                "no unpacked Debian kernel: run ci/setup.d/20-kernel.sh and source ci/env.d/kernel.sh (NETGEN_TEST_SYSROOT, NETGEN_TEST_KVER)");
        return new TestKernel(Path.of(root), kver);
    }

    Path moduleDir() {
        return sysroot.resolve("lib/modules").resolve(version);
    }

    Path vmlinuz() {
        return sysroot.resolve("boot/vmlinuz-" + version);
    }

    private static Path newestCached() {
        Path dir = Path.of(System.getenv().getOrDefault("NETGEN_CACHE", "/var/cache/netgen"), "kernel");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        if (Files.isDirectory(dir.resolve("current/lib/modules"))) {
            return dir.resolve("current");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("linux-image-") && Files.isDirectory(p.resolve("lib/modules")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newestChild(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.max(Comparator.comparing(Path::toString)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
