package dev.netgen.bootcheck;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A client root as the lab server's disk: an ext4 image made with {@code mkfs.ext4 -d} (no mount, no loop
 * device), cached by a hash of the tree's listing (paths, sizes, times, modes, owners), which the server
 * mounts read-only at the image's root path and exports over NFS like a real server would.
 */
final class RootDisk {
    private RootDisk() {
    }

    static Path of(Path rootDir, LabCache cache, PrintWriter log) {
        if (!Files.isDirectory(rootDir)) {
            throw new NetgenException(ExitCode.USAGE, "client root " + rootDir + " is not a directory; create one with 'netgen root create'");
        }
        String listing = Tools.sh(rootDir, "find . -xdev -printf '%P %s %T@ %m %U %G %l\\n' | LC_ALL=C sort");
        Path entry = cache.lab().resolve("disk-" + LabCache.hash(rootDir.toAbsolutePath().toString(), listing));
        Path image = entry.resolve("root.ext4");
        if (Files.isRegularFile(image)) {
            return image;
        }
        log.println("lab: making a disk of client root " + rootDir + " (cached as " + entry + ")");
        log.flush();
        Path tmp = cache.partial(entry);
        long bytes = Long.parseLong(Tools.sh(rootDir, "du -sxb . | cut -f1").strip());
        long size = (bytes + bytes / 4 + (64L << 20)) & ~((1L << 20) - 1);
        try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("root.ext4").toFile(), "rw")) {
            f.setLength(size);
        } catch (IOException e) {
            throw NetgenException.internal("cannot create a disk image in " + tmp + ": " + e.getMessage(), e);
        }
        Tools.run(null, List.of("mkfs.ext4", "-q", "-F", "-L", "netgen-root", "-d", rootDir.toString(),
                tmp.resolve("root.ext4").toString()));
        cache.commit(tmp, entry);
        return image;
    }
}
