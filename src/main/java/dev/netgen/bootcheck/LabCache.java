package dev.netgen.bootcheck;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Where the lab keeps what is slow to make (server image, client root disks): under
 * {@code $NETGEN_CACHE/lab} (default /var/cache/netgen/lab), each entry named by a hash of its inputs and
 * moved into place only when complete, so an interrupted build never counts as a hit.
 */
record LabCache(Path root) {
    static LabCache fromEnvironment() {
        String env = System.getenv("NETGEN_CACHE");
        return new LabCache(Path.of(env == null || env.isBlank() ? "/var/cache/netgen" : env));
    }

    Path lab() {
        return root.resolve("lab");
    }

    /** A fresh directory beside {@code entry}, to be {@link #commit committed} once the build succeeded. */
    Path partial(Path entry) {
        try {
            Files.createDirectories(entry.getParent());
            Path p = entry.resolveSibling(entry.getFileName() + ".partial-" + ProcessHandle.current().pid());
            delete(p);
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw NetgenException.internal("cannot write the lab cache under " + entry.getParent() + ": " + e.getMessage(), e);
        }
    }

    void commit(Path partial, Path entry) {
        try {
            delete(entry);
            Files.move(partial, entry);
        } catch (IOException e) {
            throw NetgenException.internal("cannot move " + partial + " into the lab cache: " + e.getMessage(), e);
        }
    }

    static void delete(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw NetgenException.internal("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : parts) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
