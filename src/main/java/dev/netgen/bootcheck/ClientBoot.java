package dev.netgen.bootcheck;

import dev.netgen.inventory.Host;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Powers on one client VM, follows its boot stage by stage, and powers it off once it is decided. */
final class ClientBoot {
    private static final int CONTEXT_LINES = 12;

    private ClientBoot() {
    }

    /**
     * @param netdev      the client's {@code -netdev} (id "boot")
     * @param consoleLog  where the client's whole console (and its server log lines) is kept, with times
     * @param serverLog   where to register for the lab server's log lines while this client boots (null: none)
     */
    static HostResult boot(Host host, String nic, String netdev, Duration timeout, Path work, Path consoleLog, ServerLog serverLog,
            PrintWriter progress, Cleanup cleanup) throws InterruptedException {
        String mac = host.mac().toString();
        long powerOn = System.nanoTime();
        StageTracker tracker = new StageTracker(mac, host.ip().toString(), powerOn, (stage, ms) -> {
            synchronized (progress) {
                progress.printf(Locale.ROOT, "  %-16s %6.1f s  %-16s %s%n", host.name(), ms / 1000.0, stage.id(), stage.label());
                progress.flush();
            }
        });
        Consumer<ConsoleLine> fromServer = tracker::accept;
        if (serverLog != null) {
            serverLog.add(fromServer);
        }
        String reason = "";
        Vm vm = Vm.start(host.name(), Qemu.client(nic, host.mac(), netdev), "client",
                work.resolve("qemu-" + host.name() + ".err"), tracker::accept, cleanup);
        try {
            long deadline = powerOn + timeout.toNanos();
            while (!tracker.initReached() && tracker.failure().isEmpty()) {
                if (!vm.alive()) {
                    vm.drain();
                    if (!tracker.initReached() && tracker.failure().isEmpty()) {
                        reason = "the client powered off or reset before its init";
                    }
                    break;
                }
                if (System.nanoTime() > deadline) {
                    reason = "no progress within " + timeout.toSeconds() + " s";
                    break;
                }
                Thread.sleep(100);
            }
            if (tracker.failure().isPresent()) {
                vm.waitForExit(1000); // a few more lines may follow the failure (poweroff)
            }
        } finally {
            vm.close();
            cleanup.remove(vm);
            if (serverLog != null) {
                serverLog.remove(fromServer);
            }
        }
        long total = (System.nanoTime() - powerOn) / 1_000_000;
        writeConsole(tracker, powerOn, consoleLog);
        var failed = tracker.failedStage();
        if (failed.isEmpty()) {
            return new HostResult(host.name(), mac, host.ip().toString(), host.image().name(), nic, tracker.reached(),
                    failed, "", List.of(), total);
        }
        if (tracker.failure().isPresent()) {
            reason = tracker.failure().get().reason();
        } else if (tracker.lines().isEmpty()) {
            reason = qemuError(work.resolve("qemu-" + host.name() + ".err")).orElse(reason);
        }
        return new HostResult(host.name(), mac, host.ip().toString(), host.image().name(), nic, tracker.reached(),
                failed, reason, tracker.context(CONTEXT_LINES), total);
    }

    private static void writeConsole(StageTracker tracker, long powerOn, Path file) {
        StringBuilder sb = new StringBuilder();
        for (ConsoleLine l : tracker.lines()) {
            sb.append(String.format(Locale.ROOT, "%8.3f %-6s %s%n", (l.atNanos() - powerOn) / 1e9, l.source(), l.text()));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, sb);
        } catch (IOException e) {
            // the console log is a convenience; the result stands without it
        }
    }

    /** What QEMU said when it could not even start the client (a wrong --nic model, a bridge it may not use). */
    private static java.util.Optional<String> qemuError(Path stderr) {
        try {
            return Files.readString(stderr).lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).map(l -> "QEMU: " + l.strip());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
