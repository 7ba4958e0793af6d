package dev.netgen.root;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small systemd-era Debian root built in a test: merged /usr, the files prepare edits, and a few units. */
final class TestRoots {
    static final String FSTAB = """
            # /etc/fstab: static file system information.
            UUID=0a1b2c3d / ext4 errors=remount-ro 0 1
            /dev/sda2 /home ext4 defaults 0 2
            """;

    private TestRoots() {
    }

    /**
     * Deletes a test tree without following links. JUnit's own @TempDir cleanup warns about every symlink
     * that points outside the directory, and a client root is full of them.
     */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static Path debianLike(Path root) throws IOException {
        for (String dir : new String[] {"usr/bin", "usr/sbin", "usr/lib/systemd/system", "etc/systemd/system/timers.target.wants",
                "var/lib/dpkg/info", "var/lib/apt/lists", "var/cache/apt/archives", "var/lib/dbus", "proc", "run", "tmp"}) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("sbin"), Path.of("usr/sbin"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("/run"));
        Files.writeString(root.resolve("usr/lib/systemd/systemd"), "not really systemd\n");
        for (String unit : new String[] {"serial-getty@.service", "systemd-fsck-root.service", "systemd-remount-fs.service",
                "apt-daily.timer", "apt-daily-upgrade.timer", "systemd-networkd.service"}) {
            Files.writeString(root.resolve("usr/lib/systemd/system/" + unit), "[Unit]\n");
        }
        Files.createSymbolicLink(root.resolve("etc/systemd/system/timers.target.wants/apt-daily.timer"),
                Path.of("/lib/systemd/system/apt-daily.timer"));
        Files.writeString(root.resolve("etc/fstab"), FSTAB);
        Files.createSymbolicLink(root.resolve("etc/mtab"), Path.of("../proc/self/mounts"));
        Files.writeString(root.resolve("etc/resolv.conf"), "nameserver 192.0.2.53\n");
        Files.writeString(root.resolve("etc/hostname"), "builder\n");
        Files.writeString(root.resolve("etc/machine-id"), "0123456789abcdef0123456789abcdef\n");
        Files.writeString(root.resolve("var/lib/dbus/machine-id"), "0123456789abcdef0123456789abcdef\n");
        Files.writeString(root.resolve("var/lib/dpkg/status"), "Package: systemd\nStatus: install ok installed\n");
        Files.writeString(root.resolve("var/lib/apt/lists/lock"), "");
        return root;
    }
}
