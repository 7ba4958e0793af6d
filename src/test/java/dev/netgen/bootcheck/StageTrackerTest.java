package dev.netgen.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTrackerTest {
    private static final String MAC = "52:54:00:77:00:11";
    private static final String IP = "10.77.0.11";

    private final List<Stage> announced = new ArrayList<>();

    private StageTracker tracker(String mac, String ip) {
        return new StageTracker(mac, ip, ConsoleFixture.POWER_ON, (s, ms) -> announced.add(s));
    }

    @Test
    void aRecordedBootReachesEveryStageInOrderAtTheTimeOfItsEvidence() {
        List<ConsoleLine> console = ConsoleFixture.load("virtio-overlay.console");
        StageTracker t = tracker(MAC, IP);
        console.forEach(t::accept);

        Map<Stage, Long> reached = t.reached();
        assertThat(reached.keySet()).containsExactly(Stage.values());
        assertThat(announced).containsExactly(Stage.values());
        long previous = -1;
        for (Stage s : Stage.values()) {
            assertThat(reached.get(s)).as(s.id()).isGreaterThanOrEqualTo(previous);
            previous = reached.get(s);
        }
        assertThat(reached.get(Stage.DHCP)).isEqualTo(ConsoleFixture.msOf(console, "DHCPACK on " + IP));
        assertThat(reached.get(Stage.PXELINUX_CONFIG)).isEqualTo(ConsoleFixture.msOf(console, "filename /pxelinux.cfg/01-52-54-00-77-00-11"));
        assertThat(reached.get(Stage.KERNEL)).isEqualTo(ConsoleFixture.msOf(console, "Linux version 6"));
        assertThat(reached.get(Stage.NFS)).isEqualTo(ConsoleFixture.msOf(console, "netgen: nfs: mounted"));
        assertThat(reached.get(Stage.INIT)).isEqualTo(ConsoleFixture.msOf(console, BusyboxRoot.MARKER));
        assertThat(t.initReached()).isTrue();
        assertThat(t.failedStage()).isEmpty();
        assertThat(t.failure()).isEmpty();
    }

    @Test
    void theInitramfsFailureLineNamesTheStageAndTheContextEndsWithIt() {
        List<ConsoleLine> console = ConsoleFixture.load("broken-root-path.console");
        StageTracker t = tracker("52:54:00:77:00:21", "10.77.0.21");
        console.forEach(t::accept);

        assertThat(t.failedStage()).contains(Stage.NFS);
        assertThat(t.failure().get().reason()).startsWith("cannot mount 10.77.0.1:/netboot/not-there");
        assertThat(t.reached()).containsKeys(Stage.DHCP, Stage.KERNEL, Stage.ROOT_PATH).doesNotContainKeys(Stage.NFS, Stage.INIT);
        List<String> context = t.context(12);
        assertThat(context).hasSize(13);
        assertThat(context.get(12)).startsWith("netgen: FAILED at nfs:");
        assertThat(context).anyMatch(l -> l.contains("mount attempt 3 failed"));
    }

    @Test
    void aConsoleThatStopsAfterPxelinuxFailsAtTheNextStage() {
        List<ConsoleLine> console = ConsoleFixture.load("virtio-overlay.console");
        StageTracker t = tracker(MAC, IP);
        console.stream().takeWhile(l -> !l.text().contains("Linux version")).forEach(t::accept);

        assertThat(t.reached()).containsOnlyKeys(Stage.DHCP, Stage.TFTP_PXELINUX, Stage.PXELINUX_CONFIG);
        assertThat(t.failedStage()).contains(Stage.KERNEL);
        assertThat(t.context(3)).hasSize(4);
    }

    @Test
    void aClientThatNeverGotALeaseFailsAtDhcp() {
        StageTracker t = tracker(MAC, IP);
        t.accept(new ConsoleLine(ConsoleFixture.POWER_ON + 1, "client", "SeaBIOS (version 1.16.2-debian-1.16.2-1)"));
        assertThat(t.failedStage()).contains(Stage.DHCP);
    }

    @Test
    void serverLinesOfOtherClientsAndEarlierLinesAreIgnored() {
        StageTracker t = tracker(MAC, IP);
        t.accept(new ConsoleLine(ConsoleFixture.POWER_ON + 5, "server", "dhcpd[1]: DHCPACK on 10.77.0.12 to 52:54:00:77:00:12 via br0"));
        t.accept(new ConsoleLine(ConsoleFixture.POWER_ON + 5, "server", "in.tftpd[2]: RRQ from 10.77.0.111 filename /pxelinux.cfg/01-52-54-00-77-01-11"));
        t.accept(new ConsoleLine(ConsoleFixture.POWER_ON - 5, "server", "dhcpd[1]: DHCPACK on 10.77.0.11 to 52:54:00:77:00:11 via br0"));
        assertThat(t.reached()).isEmpty();
        assertThat(t.lines()).isEmpty();

        t.accept(new ConsoleLine(ConsoleFixture.POWER_ON + 2_000_000_000L, "server", "in.tftpd[2]: RRQ from 10.77.0.11 filename /pxelinux.cfg/01-52-54-00-77-00-11"));
        assertThat(t.reached()).containsEntry(Stage.PXELINUX_CONFIG, 2000L);
    }
}
