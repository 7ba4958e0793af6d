package dev.netgen.bootcheck;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import dev.netgen.root.ClientMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The tiny client root for quick checks: a static busybox and an init that prints the client marker and
 * powers off. It proves the whole chain up to the client's own init in seconds, without a distribution.
 */
final class BusyboxRoot {
    static final String MARKER = ClientMarker.TEXT;
    private static final String INIT = """
            #!/bin/busybox sh
            # netgen lab client root: the boot reached this root's init; say so and power off.
            /bin/busybox mount -t proc proc /proc 2>/dev/null
            echo "%s (busybox root, $(/bin/busybox uname -r))" > /dev/console
            /bin/busybox poweroff -f
            """.formatted(MARKER);

    private BusyboxRoot() {
    }

    /** The root directory, built once per busybox binary under the lab cache. */
    static Path of(Path busybox, LabCache cache) {
        if (!Files.isExecutable(busybox)) {
            throw new NetgenException(ExitCode.USAGE, "no static busybox at " + busybox + "; apt-get install busybox-static");
        }
        try {
            String key = LabCache.hash(INIT, Long.toString(Files.size(busybox)), Files.getLastModifiedTime(busybox).toString());
            Path entry = cache.lab().resolve("busybox-root-" + key);
            if (Files.isExecutable(entry.resolve("sbin/init"))) {
                return entry;
            }
            Path tmp = cache.partial(entry);
            for (String d : new String[] {"bin", "sbin", "dev", "proc", "sys", "run", "tmp", "etc", "var", "root"}) {
                Files.createDirectories(tmp.resolve(d));
            }
            Files.copy(busybox, tmp.resolve("bin/busybox"));
            Files.writeString(tmp.resolve("sbin/init"), INIT);
            Files.setPosixFilePermissions(tmp.resolve("sbin/init"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createSymbolicLink(tmp.resolve("bin/sh"), Path.of("busybox"));
            cache.commit(tmp, entry);
            return entry;
        } catch (IOException e) {
            throw NetgenException.internal("cannot build the busybox client root: " + e.getMessage(), e);
        }
    }
}
