package dev.netgen.initrd;

import dev.netgen.core.NetgenException;
import dev.netgen.inventory.Host;
import dev.netgen.inventory.Image;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Server;
import dev.netgen.render.OutputLayout;
import dev.netgen.render.RenderService;
import dev.netgen.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The use case behind {@code netgen initrd}: an image of the inventory becomes its initramfs, with the
 * image's rendered init and udhcpc script, its kernel version and extra modules. Without an explicit
 * output it goes to {@code <out>/<server>/<tftp-root>/<initrd>} for every server that boots the image,
 * which is where {@code apply} picks it up.
 */
public final class InitrdService {
    private final InitramfsBuilder builder;

    public InitrdService(InitramfsBuilder builder) {
        this.builder = builder;
    }

    /** What was built and where it was written. */
    public record Built(InitramfsResult result, List<Path> outputs) {
        public Built {
            outputs = List.copyOf(outputs);
        }
    }

    public Built build(Inventory inventory, String imageName, Path sysroot, Optional<Path> busybox, Optional<Path> output, Path outDir) {
        Image image = inventory.images().get(imageName);
        if (image == null) {
            throw NetgenException.usage("no image '" + imageName + "' in the inventory; images: "
                    + (inventory.images().isEmpty() ? "(none)" : String.join(", ", inventory.images().keySet())));
        }
        List<Path> outputs = output.map(List::of).orElseGet(() -> defaultOutputs(inventory, image, outDir));
        List<RenderedFile> rendered = RenderService.render(inventory, Optional.empty());
        byte[] init = renderedFile(rendered, "images/" + image.name() + "/init");
        byte[] udhcpc = renderedFile(rendered, "images/" + image.name() + "/udhcpc.script");

        InitramfsResult result = builder.build(new InitramfsSpec(init, udhcpc, busybox, sysroot, image.kernelVersion(),
                image.modules(), outputs.get(0)));
        for (Path extra : outputs.subList(1, outputs.size())) {
            copy(outputs.get(0), extra);
        }
        return new Built(result, outputs);
    }

    /** {@code <out>/<server>/<tftp-root>/<initrd>} for each server with a host on the image or defaulting to it. */
    static List<Path> defaultOutputs(Inventory inventory, Image image, Path outDir) {
        List<Server> servers = inventory.serversBooting(image);
        if (servers.isEmpty()) {
            throw NetgenException.usage("image '" + image.name() + "' is booted by no host and is no server's default-image,"
                    + " so there is no TFTP root to put its initramfs in; pass -o FILE");
        }
        return servers.stream().map(s -> OutputLayout.tftpFile(outDir, s, image.initrd())).toList();
    }

    private static byte[] renderedFile(List<RenderedFile> rendered, String path) {
        return rendered.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> NetgenException.internal("render produced no " + path, null)).content();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw NetgenException.usage("cannot write " + to + ": " + e + " (pass -o with a writable path)");
        }
    }
}
