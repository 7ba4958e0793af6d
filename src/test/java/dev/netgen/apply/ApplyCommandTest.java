package dev.netgen.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.cli.CommandFactory;
import dev.netgen.testsupport.Require;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `netgen apply` and `netgen diff` through the real command line, on the example inventory. */
class ApplyCommandTest {
    @TempDir
    Path tmp;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        return CommandFactory.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void anUnknownServerIsAUsageError() {
        assertThat(run("apply", "-i", "inventory/example.yaml", "--server", "nosuch")).isEqualTo(2);
        assertThat(err.toString()).contains("no server 'nosuch' in the inventory; its servers are: boot1, boot2");
    }

    @Test
    void anUnreachableServerFailsWithExit5NamingIt() throws IOException {
        Require.tool("ssh", "openssh-client");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path config = Files.writeString(tmp.resolve("ssh_config"), "Host bootserver\n  HostName 127.0.0.1\n  Port " + closed
                + "\n  UserKnownHostsFile " + tmp.resolve("known_hosts") + "\n");
        assertThat(run("diff", "-i", "inventory/example.yaml", "--server", "boot1", "--ssh-config", config.toString())).isEqualTo(5);
        assertThat(err.toString()).contains("[boot1] connect root@bootserver")
                .contains("cannot reach root@127.0.0.1:" + closed + ": connection refused");
        assertThat(out.toString()).isEmpty();

        err.getBuffer().setLength(0);
        assertThat(run("apply", "-i", "inventory/example.yaml", "--server", "boot1", "--ssh-config", config.toString())).isEqualTo(5);
        assertThat(err.toString()).contains("cannot reach root@127.0.0.1:" + closed + ": connection refused");
        assertThat(out.toString()).contains("boot1: failed (cannot reach root@127.0.0.1:");
    }
}
