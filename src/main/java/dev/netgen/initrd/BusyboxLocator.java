package dev.netgen.initrd;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the busybox that goes into the initramfs: the one passed explicitly, else the sysroot's, else the
 * host's. It must be statically linked, because the initramfs carries no C library or dynamic loader.
 */
public final class BusyboxLocator {
    private static final List<String> PLACES = List.of("bin/busybox", "usr/bin/busybox", "sbin/busybox", "usr/sbin/busybox");
    private static final String HOW_TO_FIX = "install a static one (apt-get install busybox-static) or pass --busybox FILE";

    private BusyboxLocator() {
    }

    public static Path locate(Optional<Path> explicit, Optional<Path> sysroot, Path hostRoot) {
        if (explicit.isPresent()) {
            Path p = explicit.get();
            if (!Files.isRegularFile(p)) {
                throw NetgenException.usage("--busybox " + p + " does not exist or is not a file");
            }
            if (!isStatic(p)) {
                throw NetgenException.usage("--busybox " + p + " is dynamically linked and cannot run in the initramfs: " + HOW_TO_FIX);
            }
            return p;
        }
        List<String> rejected = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        sysroot.ifPresent(roots::add);
        roots.add(hostRoot);
        for (Path root : roots) {
            for (String place : PLACES) {
                Path p = root.resolve(place);
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                if (isStatic(p)) {
                    return p;
                }
                rejected.add(p + " (dynamically linked)");
            }
        }
        throw NetgenException.usage("no statically linked busybox found"
                + (rejected.isEmpty() ? "" : "; rejected " + String.join(", ", rejected)) + ": " + HOW_TO_FIX);
    }

    /** True for an ELF executable without a program interpreter (static, including static-pie). */
    public static boolean isStatic(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            return !ElfFile.parse(map, file.toString()).hasInterpreter();
        } catch (IllegalArgumentException e) {
            throw NetgenException.usage(file + " is not a usable busybox: " + e.getMessage() + "; " + HOW_TO_FIX);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
