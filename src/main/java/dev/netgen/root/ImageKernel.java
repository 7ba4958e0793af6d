package dev.netgen.root;

import dev.netgen.core.NetgenException;
import dev.netgen.inventory.Host;
import dev.netgen.inventory.Image;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * An inventory image's kernel as {@code netgen root create --image} needs it: the version whose package
 * goes into the root, and {@code <out>/<server>/<tftp-root>/<kernel>} for every server that boots the
 * image, which is where {@code apply} ships it from. (Same server choice as {@code netgen initrd}.)
 */
public record ImageKernel(String image, String kernelVersion, List<Path> outputs) {
    public ImageKernel {
        outputs = List.copyOf(outputs);
    }

    public static ImageKernel of(Inventory inventory, String imageName, Path outDir) {
        Image image = inventory.images().get(imageName);
        if (image == null) {
            throw NetgenException.usage("no image '" + imageName + "' in the inventory; images: "
                    + (inventory.images().isEmpty() ? "(none)" : String.join(", ", inventory.images().keySet())));
        }
        TreeSet<String> servers = new TreeSet<>();
        for (Host h : inventory.hosts().values()) {
            if (h.image().name().equals(image.name())) {
                servers.add(h.server().name());
            }
        }
        for (Server s : inventory.servers().values()) {
            if (s.defaultImage().filter(image.name()::equals).isPresent()) {
                servers.add(s.name());
            }
        }
        List<Path> outputs = new ArrayList<>();
        for (String name : servers) {
            Server s = inventory.servers().get(name);
            Path serverDir = outDir.resolve(s.name());
            Path target = serverDir.resolve(s.tftpRootRelative()).resolve(image.kernel()).normalize();
            if (!target.startsWith(serverDir)) {
                throw NetgenException.invalidInventory("kernel '" + image.kernel() + "' of image " + image.name()
                        + " leaves the TFTP root; give a file name under tftp-root");
            }
            outputs.add(target);
        }
        return new ImageKernel(image.name(), image.kernelVersion(), outputs);
    }
}
