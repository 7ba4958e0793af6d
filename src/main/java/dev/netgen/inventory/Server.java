package dev.netgen.inventory;

import java.util.Optional;

/**
 * A boot server: it runs dhcpd, tftpd (through xinetd) and kernel nfsd for the networks that name it.
 *
 * @param tftpServer what dhcpd sends as next-server (name or address; default: address)
 * @param nfsServer the server part of the root-path (name or address; default: address)
 * @param defaultImage the image pxelinux boots for clients without a per-host file; empty = boot local disk
 * @param services per service name (dhcp, nfs, tftp), the commands that replace the systemd defaults
 */
public record Server(String name, Ipv4 address, Optional<SshTarget> ssh, String tftpRoot,
        String tftpServer, String nfsServer, Optional<String> defaultImage,
        java.util.SortedMap<String, ServiceOverride> services, Location location) {
    public Server {
        services = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(services));
    }

    public static final String DEFAULT_TFTP_ROOT = "/tftpboot";

    /** tftp-root without its leading slash, as a relative path under the server's rendered tree. */
    public String tftpRootRelative() {
        return tftpRoot.replaceFirst("^/+", "").replaceFirst("/+$", "");
    }
}
