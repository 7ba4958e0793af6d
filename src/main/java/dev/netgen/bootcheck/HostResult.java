package dev.netgen.bootcheck;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one client's boot went.
 *
 * @param stages      milliseconds from power-on to each stage that was proven
 * @param failedStage the stage that failed, empty when the client reached its init
 * @param reason      why it failed (the initramfs's own words, or what netgen saw), empty when it passed
 * @param console     the console lines around the failure (empty when it passed)
 */
public record HostResult(String host, String mac, String ip, String image, String nic, Map<Stage, Long> stages,
        Optional<Stage> failedStage, String reason, List<String> console, long totalMs) {
    public HostResult {
        stages = Map.copyOf(stages);
        console = List.copyOf(console);
    }

    public boolean passed() {
        return failedStage.isEmpty();
    }
}
