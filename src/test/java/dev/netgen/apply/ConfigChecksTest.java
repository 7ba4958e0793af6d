package dev.netgen.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** netgen's own syntax checks and boot-loader detection, on render's golden output and on broken files. */
class ConfigChecksTest {
    static List<Path> golden(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/golden"))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyRenderedExportsAndXinetdFilePasses() throws IOException {
        List<Path> exports = golden("etc/exports.d/netgen.exports");
        List<Path> xinetd = golden("etc/xinetd.d/tftp");
        assertThat(exports).isNotEmpty();
        assertThat(xinetd).isNotEmpty();
        for (Path p : exports) {
            assertThat(ConfigChecks.check(ServiceKind.NFS, p.toString(), Files.readAllBytes(p))).as(p.toString()).isEmpty();
        }
        for (Path p : xinetd) {
            assertThat(ConfigChecks.check(ServiceKind.TFTP, p.toString(), Files.readAllBytes(p))).as(p.toString()).isEmpty();
        }
    }

    @Test
    void brokenExportsAreReportedWithTheirLine() {
        assertThat(ConfigChecks.exports("x", "# c\nnetboot/a 10.0.0.0/24(ro)\n/b\n/c 10.0.0.0/24(ro\n"))
                .containsExactly("x:2: export must start with an absolute path: netboot/a 10.0.0.0/24(ro)",
                        "x:3: export of /b names no client",
                        "x:4: malformed client or options: 10.0.0.0/24(ro");
    }

    @Test
    void brokenXinetdServicesAreReported() {
        assertThat(ConfigChecks.xinetd("t", "service tftp\n{\n  disable = no\n")).containsExactly("t: unterminated service block (missing '}')");
        assertThat(ConfigChecks.xinetd("t", "service tftp\n  disable = no\n}\n")).contains("t:2: expected '{' after the service line");
        assertThat(ConfigChecks.xinetd("t", "service tftp\n{\n  disable no\n}\n")).containsExactly("t:3: expected 'attribute = value': disable no");
        assertThat(ConfigChecks.xinetd("t", "# nothing\n")).containsExactly("t: no service defined");
    }

    @Test
    void bootLoadersNamedByTheRenderedDhcpdConfAreShippedWithTheirModules() throws IOException {
        Path conf = golden("howto/expected/bootserver/etc/dhcp/dhcpd.conf").get(0);
        assertThat(BootLoaders.needed(Files.readString(conf), "/tftpboot")).containsExactly(
                java.util.Map.entry("/tftpboot/syslinux.efi", Path.of("/usr/lib/SYSLINUX.EFI/efi64/syslinux.efi")),
                java.util.Map.entry("/tftpboot/ldlinux.e64", Path.of("/usr/lib/syslinux/modules/efi64/ldlinux.e64")),
                java.util.Map.entry("/tftpboot/pxelinux.0", Path.of("/usr/lib/PXELINUX/pxelinux.0")),
                java.util.Map.entry("/tftpboot/ldlinux.c32", Path.of("/usr/lib/syslinux/modules/bios/ldlinux.c32")));
        assertThat(BootLoaders.needed("  filename \"bios/pxelinux.0\";\n  filename \"grubx64.efi\";\n", "/srv/tftp/"))
                .containsOnlyKeys("/srv/tftp/bios/pxelinux.0", "/srv/tftp/bios/ldlinux.c32");
    }

    @Test
    void manifestRoundTripsInSha256sumFormat() {
        String h = "a".repeat(64);
        Manifest m = new Manifest(java.util.Map.of("/etc/dhcp/dhcpd.conf", h, "/tftpboot/pxelinux.cfg/default", "b".repeat(64)));
        String text = new String(m.format("boot1"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("# files netgen owns on server boot1").contains(h + "  /etc/dhcp/dhcpd.conf\n");
        assertThat(Manifest.parse(text)).isEqualTo(m);
    }

    @Test
    void inventorySshTargetsWithAPortBecomeSshUris() {
        assertThat(SshRemote.sshDestination("root@boot2.lab.example.lan:2222")).isEqualTo("ssh://root@boot2.lab.example.lan:2222");
        assertThat(SshRemote.sshDestination("bootserver:22")).isEqualTo("ssh://bootserver:22");
        assertThat(SshRemote.sshDestination("root@bootserver")).isEqualTo("root@bootserver");
        assertThat(SshRemote.sshDestination("bootserver")).isEqualTo("bootserver");
    }

    @Test
    void serviceOfAFileFollowsFromItsPath() {
        assertThat(ServiceKind.owning("/etc/dhcp/dhcpd.conf")).contains(ServiceKind.DHCP);
        assertThat(ServiceKind.owning("/etc/exports.d/netgen.exports")).contains(ServiceKind.NFS);
        assertThat(ServiceKind.owning("/etc/xinetd.d/tftp")).contains(ServiceKind.TFTP);
        assertThat(ServiceKind.owning("/tftpboot/pxelinux.cfg/default")).isEmpty();
    }
}
