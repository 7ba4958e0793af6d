package dev.netgen.apply;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads {@code out/<server>} into the files apply puts on that server, boot loaders included. */
final class RenderedTree {
    static final String DHCPD_CONF = "/etc/dhcp/dhcpd.conf";

    private RenderedTree() {
    }

    static List<LocalFile> read(ApplyTarget target) {
        Path dir = target.rendered();
        if (!Files.isDirectory(dir)) {
            throw NetgenException.applyFailed("nothing rendered for server " + target.server() + ": " + dir
                    + " is not a directory (run netgen render first)", null);
        }
        List<LocalFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                files.add(LocalFile.of("/" + rel, p, true));
            }
            Path dhcpd = dir.resolve(DHCPD_CONF.substring(1));
            if (Files.isRegularFile(dhcpd)) {
                String conf = Files.readString(dhcpd, StandardCharsets.UTF_8);
                for (Map.Entry<String, Path> e : BootLoaders.needed(conf, target.tftpRoot()).entrySet()) {
                    boolean rendered = files.stream().anyMatch(f -> f.serverPath().equals(e.getKey()));
                    if (!rendered) {
                        files.add(loader(e.getKey(), e.getValue()));
                    }
                }
            }
        } catch (IOException e) {
            throw NetgenException.applyFailed("cannot read the rendered files in " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** A loader whose local copy is missing only matters if the server lacks it too, so fail late. */
    private static LocalFile loader(String serverPath, Path source) throws IOException {
        if (!BootLoaders.available(source)) {
            return new LocalFile(serverPath, source, "", false);
        }
        return LocalFile.of(serverPath, source, false);
    }
}
