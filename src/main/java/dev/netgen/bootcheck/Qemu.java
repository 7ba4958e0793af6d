package dev.netgen.bootcheck;

import dev.netgen.inventory.MacAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** QEMU command lines of the lab's VMs. TCG always: /dev/kvm is not usable on the machines netgen is tested on. */
final class Qemu {
    private Qemu() {
    }

    private static List<String> base(int memoryMb) {
        return new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-m", Integer.toString(memoryMb), "-smp", "1",
                "-nodefaults", "-no-user-config",
                // firmware, iPXE and pxelinux print on the serial port only without a graphics card
                "-machine", "graphics=off", "-vga", "none", "-display", "none", "-monitor", "none",
                "-serial", "stdio", "-no-reboot"));
    }

    /**
     * The lab server: NIC 0 is management (user network, restrict=on: no way out; only ssh is forwarded from
     * host loopback), NICs 1..n are the client links (-netdev with ids link0, link1...), disks are the client roots (read-only, never written).
     */
    static List<String> server(ServerImage image, String append, int sshPort, List<String> linkNetdevs, List<Path> disks) {
        List<String> a = base(1024);
        a.addAll(List.of("-kernel", image.kernel().toString(), "-initrd", image.initrd().toString(), "-append", append,
                "-netdev", "user,id=mgmt,restrict=on,hostfwd=tcp:127.0.0.1:" + sshPort + "-:22",
                "-device", "virtio-net-pci,netdev=mgmt,romfile="));
        for (int i = 0; i < linkNetdevs.size(); i++) {
            a.addAll(List.of("-netdev", linkNetdevs.get(i), "-device", "virtio-net-pci,netdev=link" + i + ",romfile="));
        }
        for (Path d : disks) {
            a.addAll(List.of("-drive", "file=" + d + ",format=raw,if=virtio,readonly=on"));
        }
        return a;
    }

    /**
     * A diskless client: network boot only, from a NIC of the given QEMU model with the host's MAC.
     *
     * @param netdev a {@code -netdev} with id "boot": a lab {@link Link}, or {@code bridge,id=boot,br=BR}
     */
    static List<String> client(String nicModel, MacAddress mac, String netdev) {
        List<String> a = base(512);
        a.addAll(List.of("-boot", "n", "-netdev", netdev,
                "-device", nicModel + ",netdev=boot,mac=" + mac));
        return a;
    }
}
