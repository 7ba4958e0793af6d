package dev.netgen.root;

import java.util.List;

/** The systemd units that cannot work on a shared read-only NFS root, and why. */
final class MaskedUnits {
    /** A unit to mask; {@code always} masks it even before its package is installed, because it would cut the NFS root off. */
    record Rule(String unit, String reason, boolean always) {
    }

    private static final String NETWORK = "the initramfs already configured the network the NFS root runs over; reconfiguring it would cut the root off";
    private static final String TIMER = "periodic maintenance that writes to the shared read-only root";
    private static final String ETC = "writes to /etc, which is read-only with writable-root symlinks";

    static final List<Rule> RULES = List.of(
            new Rule("networking.service", NETWORK, true),
            new Rule("ifup@.service", NETWORK, true),
            new Rule("ifupdown-pre.service", NETWORK, true),
            new Rule("ifupdown-wait-online.service", NETWORK, true),
            new Rule("systemd-networkd.service", NETWORK, true),
            new Rule("systemd-networkd.socket", NETWORK, true),
            new Rule("systemd-networkd-wait-online.service", NETWORK, true),
            new Rule("NetworkManager.service", NETWORK, true),
            new Rule("NetworkManager-wait-online.service", NETWORK, true),
            new Rule("dhcpcd.service", NETWORK, true),
            new Rule("systemd-fsck-root.service", "the root is an NFS export: there is no block device to check", false),
            new Rule("systemd-remount-fs.service", "the initramfs mounted the root as it must stay; remounting it per fstab would fail", false),
            new Rule("systemd-machine-id-commit.service", "the machine ID stays transient, one per client and boot; committing it " + ETC, false),
            new Rule("systemd-sysusers.service", "users come from the packages installed on the server; it " + ETC, false),
            new Rule("ldconfig.service", "the server keeps ld.so.cache current; it " + ETC, false),
            new Rule("systemd-hwdb-update.service", "the server keeps hwdb.bin current; it " + ETC, false),
            new Rule("systemd-update-done.service", ETC, false),
            new Rule("apt-daily.timer", TIMER + " (apt runs on the server, in a chroot)", false),
            new Rule("apt-daily-upgrade.timer", TIMER + " (apt runs on the server, in a chroot)", false),
            new Rule("dpkg-db-backup.timer", TIMER, false),
            new Rule("man-db.timer", TIMER, false),
            new Rule("e2scrub_all.timer", "there is no local ext4 file system to scrub", false),
            new Rule("fstrim.timer", "there is no local disk to trim", false));

    /** Without udev no device unit appears, and a serial getty bound to one waits 90 s before giving up. */
    static final Rule SERIAL_GETTY = new Rule("serial-getty@ttyS0.service",
            "the root has no udev, so dev-ttyS0.device never appears and the getty would hold the boot for 90 s", false);

    private MaskedUnits() {
    }
}
