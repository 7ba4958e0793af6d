package dev.netgen.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.InventoryLoader;
import dev.netgen.inventory.LoadResult;
import dev.netgen.inventory.Server;
import dev.netgen.testsupport.Exec;
import dev.netgen.testsupport.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random inventories, hostile values included: each one either fails validation with exit 3, or renders
 * a dhcpd.conf that the real `dhcpd -t` accepts with one host block per host. No generated value may
 * break the file's syntax.
 */
class DhcpdPropertyIT {
    private static final String NASTY = "abcAZ09-_.:/;\"'{}#\\ \n\t$`,=@";
    private static Path dhcpd;

    @BeforeContainer
    static void tools() {
        dhcpd = Require.which("dhcpd");
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everyInventoryIsRejectedOrAcceptedByDhcpd(@ForAll("inventories") Map<String, Object> yaml) throws Exception {
        Require.that(dhcpd != null, "dhcpd not found: apt-get install isc-dhcp-server");
        Path dir = Files.createTempDirectory("netgen-prop");
        try {
            Path file = dir.resolve("inventory.yaml");
            new YAMLMapper().writeValue(file.toFile(), yaml);
            LoadResult result = InventoryLoader.load(file);
            Statistics.collect(result.valid() ? "valid" : "invalid");
            if (!result.valid()) {
                assertThatThrownBy(() -> RenderService.load(file)).isInstanceOf(NetgenException.class)
                        .extracting(e -> ((NetgenException) e).exitCode()).isEqualTo(ExitCode.INVALID_INVENTORY);
                return;
            }
            Inventory inv = result.inventory().orElseThrow();
            Path out = dir.resolve("out");
            new OutputTree(out).write(RenderService.render(inv, Optional.empty()));
            for (Server s : inv.servers().values()) {
                Path conf = out.resolve(s.name()).resolve("etc/dhcp/dhcpd.conf");
                Exec.Result r = Exec.run(List.of(dhcpd.toString(), "-t", "-q", "-cf", conf.toString()));
                assertThat(r.exitCode()).as("dhcpd -t rejected:%n%s%n%s", Files.readString(conf), r.output()).isZero();
                assertThat(DhcpdConf.hosts(Files.readString(conf))).hasSize(inv.hostsOf(s).size());
            }
        } finally {
            // Both outcomes must really occur, or the property proves nothing about one of them.
            Statistics.coverage(c -> {
                c.check("valid").percentage(p -> p >= 10);
                c.check("invalid").percentage(p -> p >= 10);
            });
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Mostly plausible values, sometimes arbitrary strings of characters that matter to the target files. */
    private static Arbitrary<String> value(Arbitrary<String> plausible) {
        Arbitrary<String> hostile = Arbitraries.strings().withChars(NASTY.toCharArray()).ofMinLength(1).ofMaxLength(12);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, plausible),
                net.jqwik.api.Tuple.of(1, hostile),
                net.jqwik.api.Tuple.of(1, plausible.map(s -> s + hostile.sample())));
    }

    @Provide
    Arbitrary<Map<String, Object>> inventories() {
        Arbitrary<String> names = value(Arbitraries.strings().withChars("abcdefgh0123-").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.startsWith("-") && !s.endsWith("-")));
        Arbitrary<String> octet = Arbitraries.integers().between(2, 199).map(String::valueOf);
        Arbitrary<String> hostIp = value(octet.map(o -> "10.1.0." + o));
        Arbitrary<String> mac = value(Arbitraries.strings().withChars("0123456789abcdef").ofLength(12)
                .map(h -> h.replaceAll("(..)(?!$)", "$1:")));
        Arbitrary<String> path = value(Arbitraries.strings().withChars("abcxyz019._-").ofMinLength(1).ofMaxLength(10).map(s -> "/netboot/" + s));
        Arbitrary<String> file = value(Arbitraries.strings().withChars("abcxyz019._-").ofMinLength(1).ofMaxLength(10));
        Arbitrary<String> server = value(Arbitraries.of("10.1.0.1", "tftp.example.lan", "boot-1"));
        Arbitrary<List<String>> nfsOptions = value(Arbitraries.of("rsize=8192", "vers=3", "tcp", "retry=1", "proto=tcp"))
                .list().ofMaxSize(3);
        Arbitrary<String> domain = value(Arbitraries.of("example.lan", "lab.example.org"));
        Arbitrary<Map<String, Object>> host = Combinators.combine(mac, hostIp)
                .as((m, ip) -> map("mac", m, "ip", ip, "image", "img"));
        Arbitrary<Map<String, Map<String, Object>>> hosts = Arbitraries.maps(names, host).ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(hosts, path, file, server, nfsOptions, domain, file).as((hs, root, kernel, srv, opts, dom, initrd) -> {
            Map<String, Object> inv = new LinkedHashMap<>();
            inv.put("version", 1);
            inv.put("servers", map("boot1", map("address", "10.1.0.1", "tftp-server", srv, "nfs-server", srv)));
            inv.put("networks", map("lan", map("subnet", "10.1.0.0/24", "server", "boot1", "domain", dom,
                    "routers", List.of("10.1.0.1"), "pool", "10.1.0.200-10.1.0.250")));
            inv.put("images", map("img", map("root", root, "kernel", kernel, "kernel-version", "6.1.0-28-amd64",
                    "initrd", initrd, "nfs-options", opts)));
            inv.put("hosts", hs);
            return inv;
        });
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
