package dev.netgen.root;

import dev.netgen.testsupport.Require;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A real Debian minbase root made by {@link RootCreator} with the current Debian kernel, cached under
 * $NETGEN_ROOT_CACHE (default $NETGEN_CACHE/roots) by a hash of what went into it, because mmdebstrap takes 20-30 s and a network.
 * Built into a temporary name and renamed, so an interrupted build never looks like a cached root.
 * Tests that change a root work on a copy ({@link #copyTo}).
 */
final class CachedDebianRoot {
    /** Bump when RootCreator makes a different root from the same inputs. */
    private static final String FORMAT = "1";
    private static Path cached;

    private CachedDebianRoot() {
    }

    static synchronized Path get() throws IOException, InterruptedException {
        if (cached != null) {
            return cached;
        }
        Require.that(isRoot(), "netgen root create needs root (mmdebstrap --mode=root)");
        Require.tool("mmdebstrap", "mmdebstrap");
        Require.tool("dpkg-deb", "dpkg");
        String kver = kernelVersion();
        RootSpec spec = new RootSpec(Path.of("unused"), RootCreator.defaultSuite(), List.of(), Optional.of(kver));
        String key = sha256(String.join("|", FORMAT, spec.suite(), String.join(",", spec.packages()), kver)).substring(0, 16);
        String rootCache = System.getenv("NETGEN_ROOT_CACHE");
        Path roots = rootCache != null && !rootCache.isBlank() ? Path.of(rootCache)
                : Path.of(System.getenv().getOrDefault("NETGEN_CACHE", "/var/cache/netgen"), "roots");
        Path root = roots.resolve(spec.suite() + "-" + key);
        if (!Files.isDirectory(root)) {
            Files.createDirectories(roots);
            Path partial = roots.resolve(root.getFileName() + ".partial-" + ProcessHandle.current().pid());
            run(List.of("rm", "-rf", "--one-file-system", partial.toString()));
            RootSpec real = new RootSpec(partial, spec.suite(), spec.include(), spec.kernelVersion());
            new RootCreator(RootCreator::onPath, System.err, Duration.ofMinutes(20)).create(real);
            Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
        }
        cached = root;
        return root;
    }

    static String kernelVersion() throws IOException, InterruptedException {
        String fromCi = System.getenv("NETGEN_TEST_KVER");
        if (fromCi != null && !fromCi.isBlank()) {
            return fromCi.strip();
        }
        Require.tool("apt-cache", "apt");
        // The kernel Debian's linux-image-amd64 currently depends on; never a hard-coded version.
        String depends = run(List.of("apt-cache", "depends", "linux-image-amd64"));
        return depends.lines().map(String::strip).filter(l -> l.startsWith("Depends: linux-image-"))
                .map(l -> l.substring("Depends: linux-image-".length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("apt-cache knows no kernel for linux-image-amd64: run apt-get update\n" + depends));
    }

    /** A private copy (cp -a, about 2 s) that a test may change. */
    static Path copyTo(Path dir) throws IOException, InterruptedException {
        Path copy = dir.resolve("root");
        run(List.of("cp", "-a", get().toString(), copy.toString()));
        return copy;
    }

    static void delete(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            run(List.of("rm", "-rf", "--one-file-system", dir.toString()));
        }
    }

    /** Runs a command, returns its stdout+stderr, fails on a non-zero exit. */
    static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(buf);
        }
        int exit = p.waitFor();
        String output = buf.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException(argv + " failed with " + exit + ":\n" + output);
        }
        return output;
    }

    static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
