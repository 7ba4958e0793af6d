package dev.netgen.root;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Everything observable about a directory tree (type, mode, link target, content or size+mtime), to prove that nothing changed. */
final class TreeSnapshot {
    private static final long HASHED_UP_TO = 1 << 16;

    private TreeSnapshot() {
    }

    static Map<String, String> of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> entries.put("/" + root.relativize(p), describe(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The paths that were added, removed or changed. */
    static java.util.SortedSet<String> changedPaths(Map<String, String> before, Map<String, String> after) {
        java.util.SortedSet<String> paths = new java.util.TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        paths.removeIf(p -> java.util.Objects.equals(before.get(p), after.get(p)));
        return paths;
    }

    /** One readable line per changed path, for assertion messages that do not print whole trees. */
    static java.util.List<String> diff(Map<String, String> before, Map<String, String> after) {
        return changedPaths(before, after).stream().map(p -> p + ": " + before.get(p) + " -> " + after.get(p)).toList();
    }

    private static String describe(Path p) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String mode = PosixFilePermissions.toString(a.permissions());
            if (a.isSymbolicLink()) {
                return "link " + Files.readSymbolicLink(p);
            }
            if (a.isDirectory()) {
                return "dir " + mode;
            }
            if (!a.isRegularFile()) {
                return "other " + mode;
            }
            String content = a.size() <= HASHED_UP_TO ? sha256(p) : a.size() + "@" + a.lastModifiedTime().toMillis();
            return "file " + mode + " " + content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
