package dev.netgen.bootcheck;

import dev.netgen.root.ClientMarker;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stages of a diskless boot, in order, each with the console or server log line that proves it. The
 * initramfs stages are the "netgen: <stage>:" lines of templates/images/init.ftl; the client's init prints
 * the marker of {@code netgen root prepare} (or the busybox lab root prints the same line).
 */
public enum Stage {
    DHCP("dhcp", "DHCP lease (firmware)", "DHCPACK on \\S+ to (?<mac>[0-9a-f:]{17})|^Configuring \\(net\\d+ (?<mac2>[0-9a-f:]{17})\\).*ok"),
    TFTP_PXELINUX("tftp-pxelinux", "TFTP pxelinux.0", "^PXELINUX \\d"),
    PXELINUX_CONFIG("pxelinux-config", "pxelinux config", "RRQ from \\S+ filename /?pxelinux\\.cfg/(01-|default)|^Loading \\S+\\.\\.\\."),
    KERNEL("kernel", "kernel + initramfs loaded", "Linux version \\d|^netgen: init: "),
    DRIVERS("drivers", "NIC driver", "^netgen: drivers: \\S+ uses"),
    INITRAMFS_DHCP("initramfs-dhcp", "initramfs DHCP", "^netgen: dhcp: lease "),
    ROOT_PATH("root-path", "root-path", "^netgen: root-path: "),
    NFS("nfs", "NFS root mounted", "^netgen: nfs: mounted "),
    WRITABLE_ROOT("writable-root", "writable root", "^netgen: root: "),
    SWITCH_ROOT("switch-root", "switch_root", "^netgen: switch_root: "),
    INIT("init", "client init reached", Pattern.quote(ClientMarker.TEXT));

    /** What a failure line of the initramfs looks like: "netgen: FAILED at nfs: cannot mount ...". */
    static final Pattern FAILED = Pattern.compile("netgen: FAILED at (?<stage>[a-z_-]+): (?<why>.*)");

    private final String id;
    private final String label;
    private final Pattern evidence;

    Stage(String id, String label, String evidence) {
        this.id = id;
        this.label = label;
        this.evidence = Pattern.compile(evidence);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    Pattern evidence() {
        return evidence;
    }

    /** The stage an initramfs failure line names (its stage names are those of init.ftl). */
    static Stage ofInitName(String name) {
        return switch (name) {
            case "drivers" -> DRIVERS;
            case "dhcp" -> INITRAMFS_DHCP;
            case "root-path" -> ROOT_PATH;
            case "nfs" -> NFS;
            case "root" -> WRITABLE_ROOT;
            case "init", "switch_root" -> SWITCH_ROOT;
            default -> KERNEL;
        };
    }

    Optional<Stage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }
}
