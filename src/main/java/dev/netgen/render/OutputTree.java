package dev.netgen.render;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output directory. Writes only files whose bytes changed (each through a temporary file and a
 * rename, so a reader never sees half a file), and removes generated files the inventory no longer
 * produces. Files netgen did not generate (kernels, initramfs images) are never touched.
 */
public final class OutputTree {
    private static final Set<java.nio.file.attribute.PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<java.nio.file.attribute.PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");

    private final Path root;

    public OutputTree(Path root) {
        this.root = root;
    }

    public record Changes(List<String> written, List<String> unchanged, List<String> removed) {
    }

    public Changes write(List<RenderedFile> files) {
        try {
            Set<Path> dirs = new java.util.TreeSet<>();
            for (RenderedFile f : files) {
                dirs.add(root.resolve(f.path()).getParent());
            }
            for (Path d : dirs) {
                Files.createDirectories(d);
            }
            // Thousands of small files: compare and write them on every core; results keep the input order.
            List<Boolean> changed = files.parallelStream().map(this::writeIfChanged).toList();
            List<String> written = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                (changed.get(i) ? written : unchanged).add(files.get(i).path());
            }
            List<String> removed = stale(files);
            for (String s : removed) {
                Files.delete(root.resolve(s));
            }
            return new Changes(written, unchanged, removed);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new NetgenException(ExitCode.INTERNAL, "cannot write " + root + ": " + e.getMessage()
                    + "; check that the output directory is writable", e);
        }
    }

    private boolean writeIfChanged(RenderedFile f) {
        Path target = root.resolve(f.path());
        try {
            boolean exists = Files.isRegularFile(target);
            if (exists && sameContent(target, f.content()) && Files.isExecutable(target) == f.executable()) {
                return false;
            }
            if (exists) {
                replace(target, f);
            } else {
                // A new file needs no rename: if it is cut short, its content differs and the next run rewrites it.
                Files.write(target, f.content());
                if (f.executable()) {
                    Files.setPosixFilePermissions(target, EXECUTABLE);
                }
            }
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Replaces an existing file through a temporary file and a rename, so a reader never sees half a file. */
    private static void replace(Path target, RenderedFile f) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".netgen-tmp");
        Files.write(tmp, f.content());
        Files.setPosixFilePermissions(tmp, f.executable() ? EXECUTABLE : REGULAR);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The paths whose content on disk differs from {@code files}, plus generated files that would be removed. */
    public List<String> differences(List<RenderedFile> files) {
        List<String> diff = new ArrayList<>();
        try {
            for (RenderedFile f : files) {
                if (!sameContent(root.resolve(f.path()), f.content())) {
                    diff.add(f.path());
                }
            }
            diff.addAll(stale(files));
        } catch (IOException e) {
            throw new NetgenException(ExitCode.INTERNAL, "cannot read " + root + ": " + e.getMessage(), e);
        }
        return diff;
    }

    private List<String> stale(List<RenderedFile> files) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Set<String> wanted = new HashSet<>();
        for (RenderedFile f : files) {
            wanted.add(f.path());
        }
        List<String> stale = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!wanted.contains(rel) && isGenerated(p)) {
                    stale.add(rel);
                }
            }
        }
        return stale;
    }

    /** A file is netgen's when its first lines carry the marker (the init scripts have it on line 2). */
    static boolean isGenerated(Path p) throws IOException {
        byte[] head = new byte[256];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.UTF_8).contains(RenderedFile.MARKER);
    }

    private static boolean sameContent(Path p, byte[] content) throws IOException {
        if (!Files.isRegularFile(p) || Files.size(p) != content.length) {
            return false;
        }
        return Arrays.equals(Files.readAllBytes(p), content);
    }
}
