package dev.netgen.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hand-written rendered tree under src/test/resources/apply/out/boot1, copied with the network's
 * addresses filled in (until netgen render exists, it stands in for render's output).
 */
final class Fixture {
    static final Path SOURCE = Path.of("src/test/resources/apply/out/boot1");
    static final String CLIENT_MAC = "52:54:00:12:34:56";

    private Fixture() {
    }

    /** Copies the fixture to {@code dest} for a /24 {@code prefix} like "10.77.0": server .2, client .55. */
    static Path render(Path dest, String prefix, String serverIp) {
        try (Stream<Path> walk = Files.walk(SOURCE)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path to = dest.resolve(SOURCE.relativize(p).toString());
                Files.createDirectories(to.getParent());
                String text = Files.readString(p, StandardCharsets.UTF_8)
                        .replace("@NETWORK@", prefix + ".0")
                        .replace("@SERVER@", serverIp)
                        .replace("@CLIENT@", prefix + ".55");
                Files.writeString(to, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dest;
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " has no " + from);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    static final List<String> RENDERED = List.of(
            "/etc/dhcp/dhcpd.conf", "/etc/exports.d/netgen.exports", "/etc/xinetd.d/tftp",
            "/tftpboot/pxelinux.cfg/default", "/tftpboot/pxelinux.cfg/01-52-54-00-12-34-56");
}
