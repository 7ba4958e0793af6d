package dev.netgen.bootcheck;

import java.util.List;

/**
 * The outcome of one {@code netgen check boot}: the server's readiness time (lab only, else -1) and each host's result.
 *
 * @param server the boot server whose clients were booted
 * @param mode   "lab" or "bridge <name>"
 */
public record BootRun(String server, String mode, long serverReadyMs, long applyMs, List<HostResult> hosts) {
    public BootRun {
        hosts = List.copyOf(hosts);
    }

    public boolean passed() {
        return hosts.stream().allMatch(HostResult::passed);
    }
}
