package dev.netgen.bootcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.inventory.MacAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's isolation lives in its QEMU command lines: loopback links, a user network that cannot leave. */
class QemuTest {
    private static List<String> values(List<String> argv, String option) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).equals(option)) {
                v.add(argv.get(i + 1));
            }
        }
        return v;
    }

    @Test
    void theServerReachesOnlyLoopbackLinksAndASshPortForwardedFromHostLoopback() {
        List<Link> links = List.of(Link.allocate(), Link.allocate());
        List<String> argv = Qemu.server(new ServerImage(Path.of("/k"), Path.of("/i"), "ssh-ed25519 AAAA"), "console=ttyS0", 2222,
                List.of(links.get(0).serverNetdev("link0"), links.get(1).serverNetdev("link1")), List.of(Path.of("/d.ext4")));
        assertThat(values(argv, "-accel")).containsExactly("tcg");
        List<String> netdevs = values(argv, "-netdev");
        assertThat(netdevs).hasSize(3);
        assertThat(netdevs.get(0)).isEqualTo("user,id=mgmt,restrict=on,hostfwd=tcp:127.0.0.1:2222-:22");
        for (int i = 0; i < 2; i++) {
            assertThat(netdevs.get(i + 1)).isEqualTo("dgram,id=link" + i + ",local.type=inet,local.host=127.0.0.1,local.port="
                    + links.get(i).serverPort() + ",remote.type=inet,remote.host=127.0.0.1,remote.port=" + links.get(i).clientPort());
        }
        assertThat(values(argv, "-drive")).containsExactly("file=/d.ext4,format=raw,if=virtio,readonly=on");
        assertThat(argv).contains("-nodefaults", "-no-reboot").containsSequence("-machine", "graphics=off").containsSequence("-vga", "none");
    }

    @Test
    void aClientBootsFromTheNetworkWithItsHostsMacOnTheOtherEndOfItsLink() {
        Link link = Link.allocate();
        assertThat(link.serverPort()).isNotEqualTo(link.clientPort());
        List<String> argv = Qemu.client("e1000", MacAddress.parse("52-54-00-77-00-12"), link.clientNetdev("boot"));
        assertThat(values(argv, "-boot")).containsExactly("n");
        assertThat(values(argv, "-accel")).containsExactly("tcg");
        assertThat(values(argv, "-device")).containsExactly("e1000,netdev=boot,mac=52:54:00:77:00:12");
        assertThat(values(argv, "-netdev")).containsExactly("dgram,id=boot,local.type=inet,local.host=127.0.0.1,local.port="
                + link.clientPort() + ",remote.type=inet,remote.host=127.0.0.1,remote.port=" + link.serverPort());
    }
}
