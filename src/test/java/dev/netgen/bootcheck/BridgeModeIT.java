package dev.netgen.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netgen.inventory.Inventory;
import dev.netgen.render.RenderService;
import dev.netgen.testsupport.Exec;
import dev.netgen.testsupport.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netgen check boot --bridge, tested against the lab as the issue asks: a network namespace made for this
 * test holds a bridge; the lab server's boot NIC (a tap) is moved onto it, and netgen runs inside the
 * namespace with only --bridge, as it would on a machine attached to a real boot network. QEMU's bridge
 * helper reads /etc/qemu/bridge.conf, which ip netns exec replaces by /etc/netns/NS/qemu/bridge.conf.
 */
class BridgeModeIT {
    private static final String BRIDGE = "ngbr0";

    @TempDir
    Path dir;

    @Test
    void aClientVmOnAnExistingBridgeBootsFromTheServerOnThatBridge() throws Exception {
        Require.tool("qemu-system-x86_64", "qemu-system-x86");
        Require.tool("ip", "iproute2");
        Require.that(Files.isExecutable(Path.of("/usr/lib/qemu/qemu-bridge-helper")), "no qemu-bridge-helper: apt-get install qemu-system-common");
        Require.that("root".equals(System.getProperty("user.name")), "network namespaces and tap devices need root");
        long id = ProcessHandle.current().pid() % 100_000;
        String ns = "netgen-it-" + id;
        String tap = "ngtap" + id;
        Path nsEtc = Path.of("/etc/netns", ns);
        Path inventory = labInventory();
        try (Cleanup cleanup = new Cleanup()) {
            ip("netns", "add", ns);
            ip("-n", ns, "link", "set", "lo", "up");
            ip("-n", ns, "link", "add", BRIDGE, "type", "bridge", "forward_delay", "0");
            ip("-n", ns, "link", "set", BRIDGE, "up");
            ip("tuntap", "add", "dev", tap, "mode", "tap");
            // ip netns exec can only bind-mount over an existing /etc/qemu.
            Files.createDirectories(Path.of("/etc/qemu"));
            Files.createDirectories(nsEtc.resolve("qemu"));
            Files.writeString(nsEtc.resolve("qemu/bridge.conf"), "allow " + BRIDGE + "\n");

            Inventory inv = RenderService.load(inventory);
            var hosts = BootCheckService.select(inv, List.of("virtio-overlay"));
            BootCheckRequest req = new BootCheckRequest(inventory, List.of("virtio-overlay"), true, Optional.empty(), "virtio-net-pci",
                    Map.of(), Map.of(), Optional.empty(), Optional.empty(), 1, Duration.ofSeconds(120), dir);
            StringWriter log = new StringWriter();
            PrintWriter w = new PrintWriter(log, true);
            BootCheckService.Lab lab = new BootCheckService(new NetgenProvisioning()).startLab(req, inv, hosts.get(0).server(), hosts,
                    List.of("tap,id=link0,ifname=" + tap + ",script=no,downscript=no"), Files.createDirectories(dir.resolve("work")),
                    new ServerLog(), cleanup, w, w);
            try {
                ip("link", "set", tap, "netns", ns);
                ip("-n", ns, "link", "set", tap, "master", BRIDGE);
                ip("-n", ns, "link", "set", tap, "up");

                Path html = dir.resolve("bridge.html");
                List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                        "dev.netgen.cli.Main", "check", "boot", "--bridge", BRIDGE, "-i", inventory.toString(), "--host", "virtio-overlay",
                        "--json", "--html", html.toString()));
                Process p = new ProcessBuilder(argv).redirectError(dir.resolve("bridge.err").toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
                String err = Files.readString(dir.resolve("bridge.err"));
                assertThat(p.exitValue()).as(err + log).isZero();

                JsonNode run = new ObjectMapper().readTree(out);
                assertThat(run.get("mode").asText()).isEqualTo("bridge " + BRIDGE);
                assertThat(run.has("serverReadyMs")).isFalse();
                JsonNode h = run.get("hosts").get(0);
                assertThat(h.get("result").asText()).isEqualTo("passed");
                for (Stage s : Stage.values()) {
                    assertThat(h.get("stages").has(s.id())).as(s.id() + "\n" + err).isTrue();
                }
                // Without a lab there is no server log: the client's own console proved every stage.
                String console = Files.readString(dir.resolve("check-boot/virtio-overlay.console"));
                assertThat(console).contains("Configuring (net0 52:54:00:77:00:11)", BusyboxRoot.MARKER).doesNotContain(" server ");
            } finally {
                lab.server().stop();
            }
        } finally {
            Exec.run(List.of("ip", "-n", ns, "link", "del", tap));
            Exec.run(List.of("ip", "link", "del", tap));
            Exec.run(List.of("ip", "netns", "del", ns));
            LabCache.delete(nsEtc);
        }
    }

    private Path labInventory() throws IOException {
        String kver = DebianKernel.locate(LabCache.fromEnvironment()).version();
        try (InputStream in = BridgeModeIT.class.getResourceAsStream("/bootcheck/lab.yaml")) {
            return Files.writeString(dir.resolve("lab.yaml"), new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@KVER@", kver));
        }
    }

    private static void ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        Exec.Result r = Exec.run(argv);
        assertThat(r.exitCode()).as(argv + ": " + r.output()).isZero();
    }
}
