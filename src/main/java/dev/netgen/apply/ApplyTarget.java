package dev.netgen.apply;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One boot server as apply sees it, independent of the inventory model.
 *
 * @param server      the server's name in the inventory (also names its manifest on the server)
 * @param ssh         {@code [user@]host[:port]} or any ssh destination; empty = this machine
 * @param rendered    the rendered tree {@code out/<server>}, whose paths mirror the server's filesystem
 * @param tftpRoot    the server's TFTP root, where missing boot loaders are shipped
 * @param services    how to check, reload and probe the services
 * @param root        where the server's filesystem starts ("/" on real servers; tests relocate it)
 */
public record ApplyTarget(String server, Optional<String> ssh, Path rendered, String tftpRoot, ServiceSettings services, String root) {
    public ApplyTarget {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(rendered, "rendered");
        Objects.requireNonNull(services, "services");
        if (!tftpRoot.startsWith("/")) {
            throw new IllegalArgumentException("tftp-root must be absolute: " + tftpRoot);
        }
        if (!root.startsWith("/")) {
            throw new IllegalArgumentException("root must be absolute: " + root);
        }
        root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
    }

    public static ApplyTarget of(String server, String ssh, Path rendered, String tftpRoot, ServiceSettings services) {
        return new ApplyTarget(server, Optional.ofNullable(ssh).filter(s -> !s.isBlank()), rendered, tftpRoot, services, "/");
    }

    /** Where {@code serverPath} (absolute, as on the server) really is under {@link #root}. */
    String real(String serverPath) {
        return root.equals("/") ? serverPath : root + serverPath;
    }

    String stateDir() {
        return real("/var/lib/netgen");
    }
}
