package dev.netgen.root;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A distribution root seen as the client will see it. Paths are absolute paths inside the root, and
 * symlinks in their parent directories are resolved inside the root as a chroot would: the root's
 * {@code /var/run -> /run} must never lead a write of this (root-owned) process into the host's /run.
 * The last component is never followed, so a change can inspect and replace a symlink itself.
 */
public final class RootFs {
    private static final int MAX_LINKS = 40;
    private final Path root;

    private RootFs(Path root) {
        this.root = root;
    }

    /** Opens SYSROOT, refusing what must never be edited as a client root: the host's own / or a non-directory. */
    public static RootFs open(Path sysroot) {
        Path abs = sysroot.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw NetgenException.usage("SYSROOT " + sysroot + " is not a directory: pass the directory that holds the client's"
                    + " installed distribution (for example one made by 'netgen root create')");
        }
        Path real;
        try {
            real = abs.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (real.getParent() == null) {
            throw NetgenException.usage("SYSROOT " + sysroot + " is the host's own root directory /: netgen edits a client root"
                    + " in place, so it must be a separate directory such as /srv/netboot/bookworm");
        }
        return new RootFs(real);
    }

    public Path root() {
        return root;
    }

    /** The host path of {@code inRoot} (an absolute path inside the root), parents resolved inside the root. */
    public Path resolve(String inRoot) {
        requireAbsolute(inRoot);
        Path p = Path.of(inRoot).normalize();
        Path parent = p.getParent() == null || p.getParent().getNameCount() == 0 ? root : resolveFully(p.getParent().toString(), 0);
        return p.getFileName() == null ? root : parent.resolve(p.getFileName().toString());
    }

    /** Like {@link #resolve} but also follows the last component if it is a symlink. */
    public Path resolveFollowing(String inRoot) {
        requireAbsolute(inRoot);
        return resolveFully(inRoot, 0);
    }

    private Path resolveFully(String inRoot, int depth) {
        Path current = root;
        int links = depth;
        for (Path name : Path.of(inRoot)) {
            String n = name.toString();
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(n);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    throw NetgenException.usage("too many levels of symlinks at " + inRoot + " in " + root + ": fix the loop in the root");
                }
                String target = readLink(next).toString();
                String targetInRoot = target.startsWith("/") ? target : inRootPath(current) + "/" + target;
                next = resolveFully(targetInRoot, links);
            }
            current = next;
        }
        return current;
    }

    /** The path inside the root of a host path under it. */
    public String inRootPath(Path host) {
        return "/" + root.relativize(host).toString();
    }

    public boolean isSymlink(String inRoot) {
        return Files.isSymbolicLink(resolve(inRoot));
    }

    public Optional<String> linkTarget(String inRoot) {
        Path p = resolve(inRoot);
        return Files.isSymbolicLink(p) ? Optional.of(readLink(p).toString()) : Optional.empty();
    }

    /** True for a regular file that is not a symlink. */
    public boolean isFile(String inRoot) {
        return Files.isRegularFile(resolve(inRoot), LinkOption.NOFOLLOW_LINKS);
    }

    /** True for a directory that is not a symlink. */
    public boolean isDirectory(String inRoot) {
        return Files.isDirectory(resolve(inRoot), LinkOption.NOFOLLOW_LINKS);
    }

    /** True if anything (also a dangling symlink) is at the path. */
    public boolean exists(String inRoot) {
        return Files.exists(resolve(inRoot), LinkOption.NOFOLLOW_LINKS);
    }

    /** True if the path, following symlinks inside the root, leads to an existing file or directory. */
    public boolean existsFollowing(String inRoot) {
        return Files.exists(resolveFollowing(inRoot), LinkOption.NOFOLLOW_LINKS);
    }

    /** The content of a file, following symlinks inside the root only. */
    public String read(String inRoot) {
        try {
            return Files.readString(resolveFollowing(inRoot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path readLink(Path p) {
        try {
            return Files.readSymbolicLink(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireAbsolute(String inRoot) {
        if (!inRoot.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path inside the root: " + inRoot);
        }
    }
}
