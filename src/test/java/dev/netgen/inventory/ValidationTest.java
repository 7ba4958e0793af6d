package dev.netgen.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per validation rule, each asserting the exact message a user sees. */
class ValidationTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            version: 1
            servers:
              boot1:
                address: 192.168.1.1
            networks:
              lan:
                subnet: 192.168.1.0/24
                server: boot1
                pool: 192.168.1.100-192.168.1.199
            images:
              img:
                root: /netboot/img
                kernel: vmlinuz
                kernel-version: 6.1.0-28-amd64
                initrd: initrd.img
            """;

    private List<String> problems(String yaml) throws IOException {
        Path f = dir.resolve("inv.yaml");
        Files.writeString(f, yaml);
        LoadResult r = InventoryLoader.load(f);
        return r.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    private List<String> hosts(String hostsYaml) throws IOException {
        return problems(BASE + "hosts:\n" + hostsYaml);
    }

    @Test
    void validInventoryHasNoProblems() throws IOException {
        Path f = dir.resolve("inv.yaml");
        Files.writeString(f, BASE + "hosts:\n  a: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.10, image: img}\n");
        LoadResult r = InventoryLoader.load(f);
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().hosts()).containsOnlyKeys("a");
    }

    @Test
    void duplicateMacInAnotherNotation() throws IOException {
        assertThat(hosts("""
                  a: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.10, image: img}
                  b: {mac: AABB.CCDD.EE01, ip: 192.168.1.11, image: img}
                """)).containsExactly(
                "inv.yaml:18:12: hosts.b.mac: MAC aa:bb:cc:dd:ee:01 is also host a's (inv.yaml:17:12); each host needs its own MAC");
    }

    @Test
    void duplicateIp() throws IOException {
        assertThat(hosts("""
                  a: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.10, image: img}
                  b: {mac: aa:bb:cc:dd:ee:02, ip: 192.168.1.10, image: img}
                """)).containsExactly(
                "inv.yaml:18:35: hosts.b.ip: IP 192.168.1.10 is also host a's (inv.yaml:17:35); each host needs its own IP");
    }

    @Test
    void ipOutsideEverySubnet() throws IOException {
        assertThat(hosts("  a: {mac: aa:bb:cc:dd:ee:01, ip: 10.0.0.5, image: img}\n")).containsExactly(
                "inv.yaml:17:35: hosts.a.ip: 10.0.0.5 is in no network's subnet; use an address of one of: lan 192.168.1.0/24");
    }

    @Test
    void ipInsidePool() throws IOException {
        assertThat(hosts("  a: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.150, image: img}\n")).containsExactly(
                "inv.yaml:17:35: hosts.a.ip: IP 192.168.1.150 is inside network lan's dynamic pool "
                        + "192.168.1.100-192.168.1.199; pick a fixed address outside the pool");
    }

    @Test
    void ipIsBroadcastOrServer() throws IOException {
        assertThat(hosts("""
                  a: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.255, image: img}
                  b: {mac: aa:bb:cc:dd:ee:02, ip: 192.168.1.1, image: img}
                """)).containsExactly(
                "inv.yaml:17:35: hosts.a.ip: IP 192.168.1.255 is the network or broadcast address of 192.168.1.0/24; pick a host address",
                "inv.yaml:18:35: hosts.b.ip: IP 192.168.1.1 is server boot1's address; pick another");
    }

    @Test
    void danglingReferences() throws IOException {
        assertThat(problems(BASE.replace("server: boot1", "server: boot9") + """
                hosts:
                  a: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.10, image: nope}
                  b: {mac: aa:bb:cc:dd:ee:02, ip: 192.168.1.11, image: img, profile: missing}
                """)).containsExactly(
                "inv.yaml:8:13: networks.lan.server: 'boot9' is not defined under servers:; define it or fix the name",
                "inv.yaml:17:56: hosts.a.image: 'nope' is not defined under images:; define it or fix the name",
                "inv.yaml:18:70: hosts.b.profile: 'missing' is not defined under profiles:; define it or fix the name");
    }

    @Test
    void profileCycleIsReportedOnce() throws IOException {
        assertThat(problems(BASE + """
                profiles:
                  a: {profile: b}
                  b: {profiles: [c]}
                  c: {profile: a}
                """)).containsExactly(
                "inv.yaml:17:6: profiles.a: profile cycle a -> b -> c -> a; remove one of these parent references");
    }

    @Test
    void invalidNames() throws IOException {
        assertThat(hosts("  Web_1: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.10, image: img}\n")).containsExactly(
                "inv.yaml:17:3: hosts.Web_1: 'Web_1' is not a valid name; use lower-case letters, digits and '-' "
                        + "(a DNS label of at most 63 characters, not starting or ending with '-')");
    }

    @Test
    void valuesThatWouldBreakOutOfTheTargetFileSyntax() throws IOException {
        assertThat(problems(BASE.replace("root: /netboot/img", "root: '/netboot/img\"; }'")
                .replace("initrd: initrd.img", "initrd: \"initrd.img\\nhost evil {\"")
                .replace("kernel: vmlinuz", "kernel: 'vmlinuz#x'"))).containsExactly(
                "inv.yaml:12:11: images.img.root: '/netboot/img\"; }' contains a double quote, which could break the syntax of the generated files; remove it",
                "inv.yaml:13:13: images.img.kernel: 'vmlinuz#x' contains '#', which could break the syntax of the generated files; remove it",
                "inv.yaml:15:13: images.img.initrd: 'initrd.img\\nhost evil {' contains a line break, which could break the syntax of the generated files; remove it");
    }

    @Test
    void unknownAndDuplicateKeys() throws IOException {
        assertThat(problems(BASE.replace("    address: 192.168.1.1", "    address: 192.168.1.1\n    adress: 1.2.3.4\n    address: 192.168.1.2")))
                .containsExactly(
                        "inv.yaml:5:5: servers.boot1.adress: unknown key 'adress'; did you mean 'address'? "
                                + "allowed here: address, default-image, nfs-server, services, ssh, tftp-root, tftp-server",
                        "inv.yaml:6:5: servers.boot1.address: duplicate key (first at line 4); remove one of them");
    }

    @Test
    void missingFieldsAfterProfiles() throws IOException {
        assertThat(hosts("  a: {mac: aa:bb:cc:dd:ee:01}\n")).containsExactly(
                "inv.yaml:17:6: hosts.a.image: missing; name the image it boots (here or in a profile)",
                "inv.yaml:17:6: hosts.a.ip: missing; give the host's fixed IPv4 address (here or in a profile)");
    }

    @Test
    void readWriteIsNotAnNfsOption() throws IOException {
        assertThat(problems(BASE.replace("initrd: initrd.img", "initrd: initrd.img\n    nfs-options: [rw, rsize=8192]")))
                .containsExactly("inv.yaml:16:19: images.img.nfs-options[0]: 'rw' is not allowed: the exported root is "
                        + "read-only and the client's writable root lives in RAM");
    }

    @Test
    void overlappingSubnetsAndPoolOutsideSubnet() throws IOException {
        String yaml = BASE.replace("pool: 192.168.1.100-192.168.1.199", "pool: 192.168.2.1-192.168.2.9")
                .replace("images:", "  wide:\n    subnet: 192.168.0.0/16\n    server: boot1\nimages:");
        assertThat(problems(yaml)).containsExactly(
                "inv.yaml:7:5: networks.lan.pool: pool 192.168.2.1-192.168.2.9 is not inside subnet 192.168.1.0/24",
                "inv.yaml:11:5: networks.wide.subnet: 192.168.0.0/16 overlaps network lan (192.168.1.0/24); "
                        + "a host's IP must pick exactly one network");
    }

    @Test
    void serverNameThatDhcpdWouldReadAsAnAddress() throws IOException {
        assertThat(problems(BASE.replace("    address: 192.168.1.1", "    address: 192.168.1.1\n    tftp-server: 10.1.0.1A")))
                .containsExactly("inv.yaml:5:18: servers.boot1.tftp-server: '10.1.0.1A' looks like an IPv4 address but is "
                        + "not one; write the address or a host name");
    }

    @Test
    void serviceCommandsOverrideOnlyWhatTheyName() throws IOException {
        Path f = dir.resolve("inv.yaml");
        Files.writeString(f, BASE.replace("    address: 192.168.1.1", "    address: 192.168.1.1\n    services:\n"
                + "      dhcp: {reload: sv restart dhcpd, running: sv status dhcpd}\n"
                + "      tftp: {reload: /etc/init.d/xinetd reload}"));
        Server s = InventoryLoader.load(f).inventory().orElseThrow().servers().get("boot1");
        assertThat(s.services()).containsOnlyKeys("dhcp", "tftp");
        assertThat(s.services().get("dhcp").reload()).contains("sv restart dhcpd");
        assertThat(s.services().get("dhcp").check()).isEmpty();
        assertThat(problems(BASE.replace("    address: 192.168.1.1", "    address: 192.168.1.1\n    services: {dhcpd: {reload: x}}")))
                .containsExactly("inv.yaml:5:16: servers.boot1.services.dhcpd: unknown key 'dhcpd'; did you mean 'dhcp'? "
                        + "allowed here: dhcp, nfs, tftp");
    }

    @Test
    void schemaVersionIsChecked() throws IOException {
        assertThat(problems("version: 2\n")).containsExactly(
                "inv.yaml:1:10: version: schema version 2 is not supported; this netgen reads version 1");
        assertThat(problems("hosts: {}\n")).containsExactly(
                "inv.yaml:1:1: version: missing; start the file with 'version: 1'");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        assertThat(problems("version: 1\nhosts:\n  a: [unclosed\n")).singleElement().asString()
                .isEqualTo("inv.yaml:3:15: (syntax): not valid YAML: while parsing a flow sequence");
    }

    @Test
    void directoryIsMergedInNameOrderAndDuplicatesAcrossFilesAreReported() throws IOException {
        Files.writeString(dir.resolve("10-base.yaml"), BASE);
        Files.writeString(dir.resolve("20-hosts.yml"), "version: 1\nhosts:\n  a: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.10, image: img}\n");
        Files.writeString(dir.resolve("30-more.yaml"), "version: 1\nhosts:\n  a: {mac: aa:bb:cc:dd:ee:02, ip: 192.168.1.11, image: img}\n");
        Files.writeString(dir.resolve("README.txt"), "not yaml: [");
        LoadResult r = InventoryLoader.load(dir);
        assertThat(r.problems().stream().map(p -> p.toString().replace(dir + "/", ""))).containsExactly(
                "30-more.yaml:3:3: hosts.a: already defined at 20-hosts.yml:3:3; give it another name or remove one");
    }

    @Test
    void profilesMergeInOrderAndRecordTheirSources() throws IOException {
        Path f = dir.resolve("inv.yaml");
        Files.writeString(f, BASE + """
                profiles:
                  base: {image: img, append: quiet}
                  loud: {profile: base, append: debug}
                hosts:
                  a: {mac: aa:bb:cc:dd:ee:01, ip: 192.168.1.10, profiles: [loud]}
                  b: {mac: aa:bb:cc:dd:ee:02, ip: 192.168.1.11, profile: loud, append: single}
                """);
        Inventory inv = InventoryLoader.load(f).inventory().orElseThrow();
        Host a = inv.hosts().get("a");
        assertThat(a.append()).contains("debug");
        assertThat(a.sources().get("image").origin()).isEqualTo("profile base");
        assertThat(a.sources().get("append").origin()).isEqualTo("profile loud");
        assertThat(a.sources().get("append").location().line()).isEqualTo(18);
        Host b = inv.hosts().get("b");
        assertThat(b.append()).contains("single");
        assertThat(b.sources().get("append").origin()).isEqualTo("host b");
    }
}
