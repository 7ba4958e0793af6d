package dev.netgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.inventory.Host;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Server;
import dev.netgen.testsupport.Exec;
import dev.netgen.testsupport.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rendered files, checked by the real tools that will read them: dhcpd, shellcheck and busybox sh. */
class RenderedFilesDaemonIT {
    @TempDir
    Path out;

    static java.util.stream.Stream<String> cases() throws IOException {
        return GoldenFilesTest.cases();
    }

    private Inventory renderCase(String name) throws IOException {
        Inventory inv = RenderService.load(GoldenFilesTest.inventoryOf(name));
        new OutputTree(out).write(RenderService.render(inv, Optional.empty()));
        return inv;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dhcpdAcceptsTheConfigAndEveryHostBlockCarriesTheHowtoFields(String name) throws IOException {
        Path dhcpd = Require.tool("dhcpd", "isc-dhcp-server");
        Inventory inv = renderCase(name);
        for (Server s : inv.servers().values()) {
            Path conf = out.resolve(s.name()).resolve("etc/dhcp/dhcpd.conf");
            Exec.Result r = Exec.run(List.of(dhcpd.toString(), "-t", "-q", "-cf", conf.toString()));
            assertThat(r.exitCode()).as("dhcpd -t %s:%n%s", conf, r.output()).isZero();

            Map<String, DhcpdConf.HostBlock> blocks = DhcpdConf.hosts(Files.readString(conf));
            List<Host> hosts = inv.hostsOf(s);
            assertThat(blocks.keySet()).containsExactlyInAnyOrderElementsOf(hosts.stream().map(Host::name).toList());
            for (Host h : hosts) {
                DhcpdConf.HostBlock b = blocks.get(h.name());
                HostModel hm = new HostModel(h);
                assertThat(b.value("hardware ethernet")).isEqualTo(h.mac().toString());
                assertThat(b.value("fixed-address")).isEqualTo(h.ip().toString());
                assertThat(b.value("option host-name")).isEqualTo("\"" + h.name() + "\"");
                assertThat(b.value("next-server")).isEqualTo(s.tftpServer());
                assertThat(b.value("option root-path")).isEqualTo("\"" + hm.rootPath() + "\"");
                assertThat(b.body()).contains("    filename \"/pxelinux.0\";\n", "    filename \"/syslinux.efi\";\n");
            }
        }
    }

    @Test
    void dhcpdRejectsABrokenConfigSoTheCheckAboveCanFail() throws IOException {
        Path dhcpd = Require.tool("dhcpd", "isc-dhcp-server");
        Path conf = out.resolve("broken.conf");
        Files.writeString(conf, "host x {\n  hardware ethernet aa:bb:cc:dd:ee:ff\n  fixed-address 10.0.0.1;\n}\n");
        assertThat(Exec.run(List.of(dhcpd.toString(), "-t", "-q", "-cf", conf.toString())).exitCode()).isNotZero();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void initScriptsPassShellcheckAndBusyboxSyntaxCheck(String name) throws IOException {
        Path shellcheck = Require.tool("shellcheck", "shellcheck");
        Path busybox = Require.tool("busybox", "busybox-static");
        Inventory inv = renderCase(name);
        for (String image : inv.images().keySet()) {
            for (String script : List.of("init", "udhcpc.script")) {
                Path p = out.resolve("images").resolve(image).resolve(script);
                assertThat(Files.isExecutable(p)).as(p + " is executable").isTrue();
                Exec.Result sc = Exec.run(List.of(shellcheck.toString(), "-s", "sh", "-S", "style", p.toString()));
                assertThat(sc.exitCode()).as("shellcheck %s:%n%s", p, sc.output()).isZero();
                Exec.Result bb = Exec.run(List.of(busybox.toString(), "sh", "-n", p.toString()));
                assertThat(bb.exitCode()).as("busybox sh -n %s:%n%s", p, bb.output()).isZero();
            }
        }
    }
}
