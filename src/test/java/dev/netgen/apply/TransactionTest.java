package dev.netgen.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.testsupport.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journals apply runs on servers are plain POSIX sh that shellcheck accepts, and replaying them is harmless. */
class TransactionTest {
    @TempDir
    Path tmp;

    Plan plan() {
        LocalFile f = new LocalFile("/etc/dhcp/dhcpd.conf", tmp.resolve("x"), "a".repeat(64), true);
        return new Plan("boot1", List.of(
                new Change("/etc/dhcp/dhcpd.conf", Change.Action.UPDATE, Optional.of(f), false, false),
                new Change("/tftpboot/pxelinux.cfg/01-it's", Change.Action.CREATE, Optional.of(f), false, false),
                new Change("/tftpboot/pxelinux.cfg/old", Change.Action.DELETE, Optional.empty(), false, false)),
                0, EnumSet.of(ServiceKind.DHCP), new Manifest(Map.of()), true, List.of());
    }

    ApplyTarget target() {
        return new ApplyTarget("boot1", Optional.empty(), tmp, "/tftpboot", ServiceSettings.systemd(), tmp.resolve("root").toString());
    }

    @Test
    void journalsPassShellcheck() throws IOException {
        Require.tool("shellcheck", "shellcheck");
        for (String script : List.of(Transaction.commitJournal(target(), plan()), Transaction.rollbackJournal(target(), plan()))) {
            Path f = Files.writeString(tmp.resolve("journal"), script, StandardCharsets.UTF_8);
            ProcessRunner.Result r = ProcessRunner.run(List.of("shellcheck", "-s", "sh", f.toString()), null, Duration.ofMinutes(1));
            assertThat(r.out()).isEmpty();
            assertThat(r.exit()).isZero();
        }
    }

    @Test
    void replayingACompletedSwapChangesNothing() throws IOException {
        ApplyTarget t = target();
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("etc/dhcp"));
        Files.createDirectories(root.resolve("tftpboot/pxelinux.cfg"));
        Files.createDirectories(root.resolve("var/lib/netgen"));
        Files.writeString(root.resolve("etc/dhcp/dhcpd.conf"), "old\n");
        Files.writeString(root.resolve("etc/dhcp/dhcpd.conf.netgen-new"), "new\n");
        Files.writeString(root.resolve("tftpboot/pxelinux.cfg/01-it's.netgen-new"), "created\n");
        Files.writeString(root.resolve("tftpboot/pxelinux.cfg/old"), "gone\n");
        String journal = Transaction.commitJournal(t, plan());
        try (LocalRemote sh = new LocalRemote(Duration.ofMinutes(1))) {
            for (int i = 0; i < 2; i++) {
                assertThat(sh.run(journal, null).exit()).isZero();
                assertThat(Files.readString(root.resolve("etc/dhcp/dhcpd.conf"))).isEqualTo("new\n");
                assertThat(Files.readString(root.resolve("etc/dhcp/dhcpd.conf.netgen-old"))).isEqualTo("old\n");
                assertThat(Files.readString(root.resolve("tftpboot/pxelinux.cfg/01-it's"))).isEqualTo("created\n");
                assertThat(root.resolve("tftpboot/pxelinux.cfg/old")).doesNotExist();
            }
            String rollback = Transaction.rollbackJournal(t, plan());
            for (int i = 0; i < 2; i++) {
                assertThat(sh.run(rollback, null).exit()).isZero();
                assertThat(Files.readString(root.resolve("etc/dhcp/dhcpd.conf"))).isEqualTo("old\n");
                assertThat(root.resolve("tftpboot/pxelinux.cfg/01-it's")).doesNotExist();
                assertThat(Files.readString(root.resolve("tftpboot/pxelinux.cfg/old"))).isEqualTo("gone\n");
            }
        }
    }
}
