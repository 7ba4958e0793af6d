package dev.netgen.apply;

import java.util.Optional;

/** The daemons apply reloads; which one a file belongs to follows from where it lives on the server. */
public enum ServiceKind {
    DHCP("dhcp", "/etc/dhcp/"),
    NFS("nfs", "/etc/exports.d/"),
    TFTP("tftp", "/etc/xinetd.d/");

    private final String label;
    private final String configDir;

    ServiceKind(String label, String configDir) {
        this.label = label;
        this.configDir = configDir;
    }

    public String label() {
        return label;
    }

    /** The service that must be reloaded when {@code serverPath} changes; TFTP-root files need none. */
    public static Optional<ServiceKind> owning(String serverPath) {
        for (ServiceKind k : values()) {
            if (serverPath.startsWith(k.configDir)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
