package dev.netgen.root;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The HOWTO's mkbootready for a systemd-era root: makes an installed distribution boot from a read-only
 * NFS export that the initramfs makes writable either with an overlay or with the HOWTO's tmpfs root of
 * symlinks (where /etc stays read-only and /var is a RAM copy). The plan holds only what is still to do,
 * so a second run plans nothing.
 */
public final class RootPreparer {
    /**
     * Where /etc/resolv.conf points: netgen's initramfs writes the DHCP name servers there and moves its
     * /run into the client root in both writable-root modes (systemd keeps an already mounted /run).
     */
    public static final String RESOLV_CONF = "/run/netgen/resolv.conf";
    public static final String MTAB = "/proc/mounts";
    /** The fstab line for /: the HOWTO's, with fsck pass 0. */
    public static final String FSTAB_ROOT = "none / tmpfs defaults 0 0";
    private static final String FSTAB_COMMENT = "# netgen: / is the read-only NFS root made writable by the initramfs; never fsck it";
    private static final String SYSTEMD = "/lib/systemd/systemd";

    /** Package databases and caches moved under /usr, so the RAM copy of /var stays small with writable-root symlinks. */
    private static final List<String[]> MOVED_DIRS = List.of(
            new String[] {"/var/lib/dpkg", "/usr/var/lib/dpkg"},
            new String[] {"/var/lib/apt", "/usr/var/lib/apt"},
            new String[] {"/var/cache/apt", "/usr/var/cache/apt"});

    /** The changes SYSROOT still needs, in the order they are applied. */
    public List<Change> plan(Path sysroot) {
        RootFs fs = RootFs.open(sysroot);
        if (!fs.existsFollowing(SYSTEMD)) {
            throw NetgenException.usage("SYSROOT " + sysroot + " has no systemd (" + SYSTEMD + "): netgen root prepare makes a"
                    + " systemd root diskless-ready; install systemd-sysv into it (netgen root create does)");
        }
        List<Change> plan = new ArrayList<>();
        mtab(fs).ifPresent(plan::add);
        resolvConf(fs).ifPresent(plan::add);
        fstab(fs).ifPresent(plan::add);
        machineId(fs, plan);
        if (fs.exists("/etc/hostname")) {
            plan.add(new Change.SetAside("/etc/hostname", "each client keeps the host name the initramfs got from DHCP"));
        }
        for (MaskedUnits.Rule rule : MaskedUnits.RULES) {
            mask(fs, rule).ifPresent(plan::add);
        }
        if (!fs.existsFollowing("/lib/systemd/systemd-udevd")) {
            mask(fs, MaskedUnits.SERIAL_GETTY).ifPresent(plan::add);
        }
        for (String[] move : MOVED_DIRS) {
            if (fs.isDirectory(move[0])) {
                plan.add(new Change.MoveDir(move[0], move[1], "keeps the package database readable in both writable-root modes"
                        + " without copying it into RAM with /var"));
            }
        }
        marker(fs, plan);
        return List.copyOf(plan);
    }

    /** Plans and, unless {@code dryRun}, applies the changes; returns them either way. */
    public List<Change> prepare(Path sysroot, boolean dryRun) {
        List<Change> plan = plan(sysroot);
        if (!dryRun) {
            RootFs fs = RootFs.open(sysroot);
            for (Change c : plan) {
                try {
                    c.apply(fs);
                } catch (IOException e) {
                    throw NetgenException.internal("could not change " + c.path() + " in " + sysroot + ": " + e.getMessage()
                            + " (the changes listed before it were made; fix the cause and run again)", e);
                }
            }
        }
        return plan;
    }

    /** Absolute, because with writable-root symlinks /etc is a link into the NFS root, where ../proc is an empty directory. */
    private static Optional<Change> mtab(RootFs fs) {
        Optional<String> target = fs.linkTarget("/etc/mtab");
        if (target.isPresent() && Set.of(MTAB, "/proc/self/mounts").contains(target.get())) {
            return Optional.empty();
        }
        return Optional.of(new Change.Symlink("/etc/mtab", MTAB, "/etc is read-only; absolute so it also resolves when /etc is a"
                + " symlink into the NFS root", keeps(fs, "/etc/mtab")));
    }

    private static Optional<Change> resolvConf(RootFs fs) {
        String path = "/etc/resolv.conf";
        Optional<String> target = fs.linkTarget(path);
        if (target.isPresent() && target.get().contains("systemd/resolve/")) {
            // systemd-resolved manages it under /run; it only has to resolve from a symlinked /etc as well.
            String absolute = "/run/systemd/resolve/" + Path.of(target.get()).getFileName();
            return target.get().equals(absolute) ? Optional.empty()
                    : Optional.of(new Change.Symlink(path, absolute, "systemd-resolved's file, made absolute so it resolves when /etc"
                            + " is a symlink into the NFS root", keeps(fs, path)));
        }
        if (target.isPresent() && target.get().equals(RESOLV_CONF)) {
            return Optional.empty();
        }
        return Optional.of(new Change.Symlink(path, RESOLV_CONF, "/etc is read-only; the initramfs writes the DHCP name servers"
                + " to " + RESOLV_CONF, keeps(fs, path)));
    }

    private static Optional<Change> fstab(RootFs fs) {
        String path = "/etc/fstab";
        String current = fs.isFile(path) ? fs.read(path) : null;
        String wanted = rewriteFstab(current == null ? "" : current);
        if (wanted.equals(current)) {
            return Optional.empty();
        }
        return Optional.of(new Change.WriteFile(path, wanted, "rw-r--r--", "root entry replaced by '" + FSTAB_ROOT
                + "' (no fsck of /), other entries kept", keeps(fs, path)));
    }

    /** Drops every entry for / (and an earlier netgen comment) and appends the netgen root entry. */
    static String rewriteFstab(String fstab) {
        StringBuilder out = new StringBuilder();
        for (String line : fstab.split("\n", -1)) {
            String trimmed = line.strip();
            String[] fields = trimmed.split("\\s+");
            boolean rootEntry = !trimmed.startsWith("#") && fields.length >= 2 && fields[1].equals("/");
            if (rootEntry || trimmed.equals(FSTAB_COMMENT) || (trimmed.isEmpty() && out.isEmpty())) {
                continue;
            }
            out.append(line).append('\n');
        }
        String kept = out.toString().replaceAll("\n+$", "\n");
        return (kept.isBlank() ? "" : kept) + FSTAB_COMMENT + "\n" + FSTAB_ROOT + "\n";
    }

    /** One root serves many clients, so it must not carry one machine ID: an empty file makes systemd generate one per boot. */
    private static void machineId(RootFs fs, List<Change> plan) {
        String path = "/etc/machine-id";
        if (!fs.isFile(path) || !fs.read(path).isEmpty()) {
            plan.add(new Change.WriteFile(path, "", "r--r--r--", "emptied: every client generates its own transient machine ID"
                    + " at boot instead of all sharing one", fs.isFile(path) && keeps(fs, path)));
        }
        String dbus = "/var/lib/dbus/machine-id";
        if (fs.isFile(dbus)) {
            plan.add(new Change.Symlink(dbus, path, "D-Bus uses the client's machine ID", keeps(fs, dbus)));
        }
    }

    private static Optional<Change> mask(RootFs fs, MaskedUnits.Rule rule) {
        String path = Change.MaskUnit.DIR + rule.unit();
        if (fs.linkTarget(path).filter("/dev/null"::equals).isPresent()) {
            return Optional.empty();
        }
        // An instance such as serial-getty@ttyS0.service comes from its template's file.
        String file = rule.unit().replaceFirst("@[^.]+\\.", "@.");
        boolean installed = fs.exists(path) || fs.exists("/lib/systemd/system/" + file) || fs.exists("/usr/lib/systemd/system/" + file);
        return rule.always() || installed ? Optional.of(new Change.MaskUnit(rule.unit(), rule.reason(), keeps(fs, path))) : Optional.empty();
    }

    private static void marker(RootFs fs, List<Change> plan) {
        String unit = ClientMarker.UNIT_PATH;
        if (!fs.isFile(unit) || !fs.read(unit).equals(ClientMarker.UNIT_CONTENT)) {
            plan.add(new Change.WriteFile(unit, ClientMarker.UNIT_CONTENT, "rw-r--r--", "prints '" + ClientMarker.TEXT
                    + "' on the console so a boot check sees the client's init running", keeps(fs, unit)));
        }
        if (!fs.linkTarget(ClientMarker.WANTS_PATH).filter(unit::equals).isPresent()) {
            plan.add(new Change.Symlink(ClientMarker.WANTS_PATH, unit, "enables the marker at multi-user.target",
                    keeps(fs, ClientMarker.WANTS_PATH)));
        }
    }

    /** Whether replacing {@code path} keeps what is there now as the original. */
    private static boolean keeps(RootFs fs, String path) {
        return fs.exists(path) && !fs.exists(path + Change.ORIGINAL_SUFFIX);
    }
}
