package dev.netgen.bootcheck;

import dev.netgen.initrd.InitramfsBuilder;
import dev.netgen.initrd.InitrdService;
import dev.netgen.inventory.Image;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Server;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The lab's provisioning through netgen's own features: netgen initrd for the initramfs, netgen apply for the server. */
public final class NetgenProvisioning implements LabProvisioning {
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

    @Override
    public void apply(Path inventory, Server server, Path outDir, String sshDestination, Path sshConfig, PrintWriter out, PrintWriter err) {
        // Interim until netgen apply lands on main: the rendered tree, the boot loaders and the built artifacts
        // go over ssh with tar, then the lab's service commands restart the daemons.
        dev.netgen.render.OutputTree t = new dev.netgen.render.OutputTree(outDir);
        t.write(dev.netgen.render.RenderService.render(dev.netgen.render.RenderService.load(inventory), Optional.empty()));
        Path tftp = outDir.resolve(server.name()).resolve(server.tftpRootRelative());
        Tools.sh(null, "cp /usr/lib/PXELINUX/pxelinux.0 /usr/lib/syslinux/modules/bios/ldlinux.c32 " + tftp + " && cd " + outDir.resolve(server.name())
            + " && tar -ch . | ssh -F " + sshConfig + " 127.0.0.1 'tar -x -C / && netgen-svc restart dhcpd && netgen-svc restart xinetd && netgen-svc reload nfsd'");
    }
}
