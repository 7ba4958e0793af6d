package dev.netgen.bootcheck;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code netgen check boot} was asked to do.
 *
 * @param hosts       hosts to boot; empty = every host of the inventory (which must then have one server)
 * @param bridge      without a lab: the existing bridge the client VMs join (a real boot network)
 * @param nics        QEMU NIC model per host; hosts not named get {@code defaultNic}
 * @param roots       per image, the client root the lab server exports: a directory, "busybox" (the default) or "none"
 * @param sysroot     where the client kernel and its modules come from (boot/vmlinuz-KVER, lib/modules/KVER);
 *                    empty = the cached Debian kernel
 * @param busybox     the static busybox for the initramfs and the busybox root; empty = the host's
 * @param parallel    how many clients boot at once
 * @param timeout     per client, from power-on to its init
 * @param output      where each client's console goes: {@code <output>/check-boot/<host>.console}
 */
public record BootCheckRequest(Path inventory, List<String> hosts, boolean lab, Optional<String> bridge,
        String defaultNic, Map<String, String> nics, Map<String, String> roots, Optional<Path> sysroot, Optional<Path> busybox,
        int parallel, Duration timeout, Path output) {
    public static final String BUSYBOX_ROOT = "busybox";
    public static final String NO_ROOT = "none";

    public BootCheckRequest {
        hosts = List.copyOf(hosts);
        nics = Map.copyOf(nics);
        roots = Map.copyOf(roots);
        if (lab == bridge.isPresent()) {
            throw new IllegalArgumentException("exactly one of lab and bridge");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
    }

    String nicOf(String host) {
        return nics.getOrDefault(host, defaultNic);
    }

    String rootOf(String image) {
        return roots.getOrDefault(image, BUSYBOX_ROOT);
    }
}
