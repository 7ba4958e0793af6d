package dev.netgen.root;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One edit {@link RootPreparer} makes to a client root. A plan holds only the changes still needed, so
 * printing it is the dry run and an empty plan means a second run changes nothing. A file that is
 * replaced is first kept beside itself as {@code <file>.netgen-orig} (the first original wins).
 */
public sealed interface Change permits Change.Symlink, Change.WriteFile, Change.MaskUnit, Change.MoveDir, Change.SetAside {
    String ORIGINAL_SUFFIX = ".netgen-orig";

    /** The path inside the root that this change edits. */
    String path();

    /** One line for the user: what changes and why. */
    String describe();

    void apply(RootFs fs) throws IOException;

    /** {@code path} becomes a symlink to {@code target}. */
    record Symlink(String path, String target, String reason, boolean keepsOriginal) implements Change {
        @Override
        public String describe() {
            return "link  " + path + " -> " + target + ": " + reason + kept(path, keepsOriginal);
        }

        @Override
        public void apply(RootFs fs) throws IOException {
            link(fs.resolve(path), target);
        }
    }

    /** {@code path} gets {@code content}; meant for small text files such as fstab. */
    record WriteFile(String path, String content, String mode, String reason, boolean keepsOriginal) implements Change {
        @Override
        public String describe() {
            return "write " + path + ": " + reason + kept(path, keepsOriginal);
        }

        @Override
        public void apply(RootFs fs) throws IOException {
            Path p = fs.resolve(path);
            Files.createDirectories(p.getParent());
            Path tmp = p.resolveSibling(p.getFileName() + ".netgen-tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
            setAside(p);
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Masks a systemd unit the way {@code systemctl mask} does, without needing systemctl. */
    record MaskUnit(String unit, String reason, boolean keepsOriginal) implements Change {
        public static final String DIR = "/etc/systemd/system/";

        @Override
        public String path() {
            return DIR + unit;
        }

        @Override
        public String describe() {
            return "mask  " + unit + ": " + reason + kept(path(), keepsOriginal);
        }

        @Override
        public void apply(RootFs fs) throws IOException {
            link(fs.resolve(path()), "/dev/null");
        }
    }

    /** Moves directory {@code path} to {@code to} and leaves a symlink behind, as the HOWTO does with the RPM database. */
    record MoveDir(String path, String to, String reason) implements Change {
        @Override
        public String describe() {
            return "move  " + path + " -> " + to + " (symlinked back): " + reason;
        }

        @Override
        public void apply(RootFs fs) throws IOException {
            Path from = fs.resolve(path);
            Path dest = fs.resolve(to);
            if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot move " + path + " to " + to + ": " + to + " already exists; remove one of them");
            }
            Files.createDirectories(dest.getParent());
            Files.move(from, dest);
            Files.createSymbolicLink(from, Path.of(to));
        }
    }

    /** Renames {@code path} to {@code path.netgen-orig}, for files that must not exist on a shared root. */
    record SetAside(String path, String reason) implements Change {
        @Override
        public String describe() {
            return "keep  " + path + " as " + path + ORIGINAL_SUFFIX + ": " + reason;
        }

        @Override
        public void apply(RootFs fs) throws IOException {
            setAside(fs.resolve(path));
        }
    }

    private static String kept(String path, boolean keepsOriginal) {
        return keepsOriginal ? " (original kept as " + path + ORIGINAL_SUFFIX + ")" : "";
    }

    private static void link(Path p, String target) throws IOException {
        Files.createDirectories(p.getParent());
        setAside(p);
        Files.createSymbolicLink(p, Path.of(target));
    }

    /** Moves whatever is at {@code p} out of the way; an existing {@code .netgen-orig} is the true original and stays. */
    private static void setAside(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(p + " is a directory where netgen needs a file or link: move it away and run again");
        }
        Path orig = p.resolveSibling(p.getFileName() + ORIGINAL_SUFFIX);
        if (Files.exists(orig, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
        } else {
            Files.move(p, orig);
        }
    }
}
