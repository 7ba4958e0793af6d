package dev.netgen.inventory;

import java.util.Optional;

/**
 * A server's own commands for one boot service (dhcp, nfs or tftp), for servers that do not run the
 * systemd units netgen assumes by default. Each absent command keeps its default.
 *
 * @param check validates a candidate configuration; {@code {file}} stands for its path
 * @param reload makes the daemon use the new configuration
 * @param running exits 0 only while the daemon runs
 */
public record ServiceOverride(Optional<String> check, Optional<String> reload, Optional<String> running) {
    public static final java.util.Set<String> SERVICES = java.util.Set.of("dhcp", "nfs", "tftp");
    public static final java.util.Set<String> KEYS = java.util.Set.of("check", "reload", "running");
}
