package dev.netgen.render;

import dev.netgen.inventory.Host;

/** What the templates need of a host beyond the model: the strings derived from several fields. */
public record HostModel(Host host) {
    public String name() {
        return host.name();
    }

    /** The HOWTO's root-path, "server:/root" followed by comma-separated NFS options. */
    public String rootPath() {
        StringBuilder sb = new StringBuilder(host.server().nfsServer()).append(':').append(host.image().root());
        for (String o : host.image().nfsOptions()) {
            sb.append(',').append(o);
        }
        return sb.toString();
    }

    public String nextServer() {
        return host.server().tftpServer();
    }

    public String pxelinuxConfigName() {
        return host.mac().pxelinuxConfigName();
    }
}
