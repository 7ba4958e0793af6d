package dev.netgen.bootcheck;

import dev.netgen.inventory.Image;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Server;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The two steps of a lab run that are other netgen features: building each image's kernel and initramfs
 * into {@code <out>/<server>/<tftp-root>/} (netgen initrd), and configuring the lab server from the
 * inventory over ssh (netgen apply), with the lab's address and port standing in for the server's.
 */
public interface LabProvisioning {
    /** Puts each image's kernel and initramfs under {@code outDir/<server>/<tftp-root>/}. */
    void buildArtifacts(Inventory inventory, Server server, Collection<Image> images, Path kernelSysroot, Path busybox, Path outDir, PrintWriter err);

    /** Applies the inventory to the lab server reached over ssh at {@code sshDestination} with {@code sshConfig}. */
    void apply(Path inventory, Server server, Path outDir, String sshDestination, Path sshConfig, PrintWriter out, PrintWriter err);
}
