package dev.netgen.root;

import dev.netgen.core.NetgenException;
import dev.netgen.inventory.Image;
import dev.netgen.inventory.Inventory;
import dev.netgen.render.OutputLayout;
import java.nio.file.Path;
import java.util.List;

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
        List<Path> outputs = inventory.serversBooting(image).stream()
                .map(s -> OutputLayout.tftpFile(outDir, s, image.kernel())).toList();
        return new ImageKernel(image.name(), image.kernelVersion(), outputs);
    }
}
