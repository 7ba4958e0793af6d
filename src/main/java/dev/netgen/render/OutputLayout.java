package dev.netgen.render;

import dev.netgen.inventory.Server;
import java.nio.file.Path;

/** Where files land under the output directory: {@code <out>/<server>/} mirrors the server's filesystem. */
public final class OutputLayout {
    private OutputLayout() {
    }

    /** A file under the server's TFTP root, such as an image's kernel or initramfs. Validation keeps it inside. */
    public static Path tftpFile(Path outDir, Server server, String file) {
        return outDir.resolve(server.name()).resolve(server.tftpRootRelative()).resolve(file);
    }
}
