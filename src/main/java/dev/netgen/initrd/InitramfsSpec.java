package dev.netgen.initrd;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one initramfs is built from.
 *
 * @param init          the image's rendered init script, stored as {@code /init}
 * @param udhcpcScript  the udhcpc event script, stored as {@code /etc/udhcpc.script}
 * @param busybox       an explicit static busybox; empty = the sysroot's, else the host's
 * @param sysroot       the root holding {@code lib/modules/<kernelVersion>} (and maybe a busybox)
 * @param kernelVersion the modules directory name, e.g. {@code 6.1.0-56-amd64}
 * @param modules       extra modules (names or aliases) on top of NFS, overlay and the default NIC drivers
 * @param output        where the gzip'd cpio archive is written
 */
public record InitramfsSpec(byte[] init, byte[] udhcpcScript, Optional<Path> busybox, Path sysroot, String kernelVersion,
                            List<String> modules, Path output) {
    public InitramfsSpec {
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(udhcpcScript, "udhcpcScript");
        Objects.requireNonNull(busybox, "busybox");
        Objects.requireNonNull(sysroot, "sysroot");
        Objects.requireNonNull(output, "output");
        if (kernelVersion == null || kernelVersion.isBlank() || kernelVersion.contains("/") || kernelVersion.matches("\\.+")) {
            throw new IllegalArgumentException("bad kernel version: " + kernelVersion);
        }
        init = init.clone();
        udhcpcScript = udhcpcScript.clone();
        modules = List.copyOf(modules);
    }
}
