package dev.netgen.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.cli.CommandFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The usage errors of netgen check boot, found before any VM starts. */
class CheckBootCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandFactory.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void labAndBridgeExcludeEachOther() {
        Run r = run("check", "boot", "--lab", "--bridge", "br0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("--lab and --bridge exclude each other: the lab is its own boot network\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownHostIsAUsageErrorNamingTheInventorysHosts() {
        Run r = run("check", "boot", "--host", "nosuch");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("no host 'nosuch' in the inventory; its hosts are: lab-kiosk1, lab-ws1, lab-ws2, pxeclient\n");
    }

    @Test
    void hostsOfTwoServersAreCheckedOneServerAtATime() {
        Run r = run("check", "boot");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("the selected hosts boot from 2 servers (boot2, boot1); check one server's hosts at a time with --host\n");
    }

    @Test
    void aRootWithoutImageIsAUsageError() {
        Run r = run("check", "boot", "--root", "/srv/root");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("--root /srv/root: expected IMAGE=DIR, IMAGE=busybox or IMAGE=none\n");
    }

    @Test
    void checkWithoutWhatToCheckPointsToBoot() {
        Run r = run("check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("netgen: Missing what to check: try 'netgen check boot --lab'.");
    }

    @Test
    void helpDocumentsTheBridgeMode() {
        Run r = run("check", "boot", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--bridge=BRIDGE", "--lab", "--nic=[HOST=]MODEL", "--json", "--html=FILE", "Exit 6");
    }
}
