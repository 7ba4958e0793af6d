package dev.netgen.bootcheck;

import dev.netgen.testsupport.NetgenRun;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The usage errors of netgen check boot, found before any VM starts. */
class CheckBootCommandTest {

    private static NetgenRun run(String... args) {
        return NetgenRun.of(args);
    }

    @Test
    void labAndBridgeExcludeEachOther() {
        NetgenRun r = run("check", "boot", "--lab", "--bridge", "br0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("--lab and --bridge exclude each other: the lab is its own boot network\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownHostIsAUsageErrorNamingTheInventorysHosts() {
        NetgenRun r = run("check", "boot", "--host", "nosuch");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("no host 'nosuch' in the inventory; its hosts are: lab-kiosk1, lab-ws1, lab-ws2, pxeclient\n");
    }

    @Test
    void hostsOfTwoServersAreCheckedOneServerAtATime() {
        NetgenRun r = run("check", "boot");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("the selected hosts boot from 2 servers (boot2, boot1); check one server's hosts at a time with --host\n");
    }

    @Test
    void aRootWithoutImageIsAUsageError() {
        NetgenRun r = run("check", "boot", "--root", "/srv/root");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("--root /srv/root: expected IMAGE=DIR, IMAGE=busybox or IMAGE=none\n");
    }

    @Test
    void checkWithoutWhatToCheckPointsToBoot() {
        NetgenRun r = run("check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("netgen: Missing what to check: try 'netgen check boot --lab'.");
    }

    @Test
    void helpDocumentsTheBridgeMode() {
        NetgenRun r = run("check", "boot", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--bridge=BRIDGE", "--lab", "--nic=[HOST=]MODEL", "--json", "--html=FILE", "Exit 6");
    }
}
