package dev.netgen.bootcheck;

import dev.netgen.apply.ApplyService;
import dev.netgen.apply.ApplyTarget;
import dev.netgen.apply.InventoryTargets;
import dev.netgen.apply.ServiceCommands;
import dev.netgen.apply.ServiceKind;
import dev.netgen.apply.ServiceSettings;
import dev.netgen.apply.SshSettings;
import dev.netgen.initrd.InitramfsBuilder;
import dev.netgen.initrd.InitrdService;
import dev.netgen.inventory.Image;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Server;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The lab's provisioning through netgen's own features: netgen initrd for the initramfs, netgen apply for the server. */
public final class NetgenProvisioning implements LabProvisioning {
    /** The lab server has no systemd: its init ships netgen-svc, named here as a server without systemd would. */
    static final ServiceSettings LAB_SERVICES = labServices();

    @Override
    public void buildArtifacts(Inventory inventory, Server server, Collection<Image> images, Path kernelSysroot, Path busybox,
            Path outDir, PrintWriter err) {
        InitrdService initrd = new InitrdService(new InitramfsBuilder());
        Path tftp = outDir.resolve(server.name()).resolve(server.tftpRootRelative());
        for (Image i : images) {
            InitrdService.Built b = initrd.build(inventory, i.name(), kernelSysroot, Optional.of(busybox),
                    Optional.of(tftp.resolve(i.initrd())), outDir);
            err.printf(Locale.ROOT, "lab: netgen initrd --image %s: %.1f MB, %d modules%n", i.name(), b.result().bytes() / 1e6,
                    b.result().modules().size());
        }
        err.flush();
    }

    /**
     * netgen apply of the inventory's server, exactly as {@code netgen apply --server NAME -o OUT} prepares it
     * (fresh render plus the built kernel and initramfs under OUT), with the lab's ssh address and service
     * commands standing in for the server's.
     */
    @Override
    public void apply(Path inventory, Server server, Path outDir, String sshDestination, Path sshConfig, PrintWriter out, PrintWriter err) {
        try (InventoryTargets targets = InventoryTargets.prepare(inventory, outDir, List.of(server.name()))) {
            ApplyTarget real = targets.targets().get(0);
            ApplyTarget lab = new ApplyTarget(real.server(), Optional.of(sshDestination), real.rendered(), real.tftpRoot(), LAB_SERVICES, "/");
            new ApplyService(SshSettings.defaults().withConfigFile(sshConfig)).apply(List.of(lab), false, out, err);
        }
    }

    private static ServiceSettings labServices() {
        Map<ServiceKind, ServiceCommands> m = new EnumMap<>(ServiceKind.class);
        m.put(ServiceKind.DHCP, new ServiceCommands("dhcpd -t -4 -cf {file}", "netgen-svc restart dhcpd", "netgen-svc status dhcpd"));
        m.put(ServiceKind.NFS, new ServiceCommands("", "netgen-svc reload nfsd", "netgen-svc status nfsd"));
        m.put(ServiceKind.TFTP, new ServiceCommands("", "netgen-svc restart xinetd", "netgen-svc status xinetd"));
        return new ServiceSettings(m);
    }
}
