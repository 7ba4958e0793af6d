package dev.netgen.initrd;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds the client initramfs (the HOWTO's section 5 and mkbootimage.sh) in Java: busybox, the init and
 * udhcpc scripts, device nodes, and the kernel modules for an NFS root with their dependency indexes.
 */
public final class InitramfsBuilder {
    /** Always needed for the NFS root with an overlay; missing ones are an error. */
    public static final List<String> REQUIRED_MODULES = List.of("nfs", "nfsv3", "nfsv4", "overlay");

    /**
     * Taken when the kernel has them, skipped quietly when it does not: packet sockets (udhcpc) and the
     * NICs of common virtual machines and PCs. Drivers that need firmware files to work are left out.
     */
    public static final List<String> DEFAULT_MODULES = List.of("af_packet",
            "virtio_pci", "virtio_net", "e1000", "e1000e", "igb", "igc", "r8169", "tg3", "vmxnet3", "8139too", "pcnet32");

    static final List<String> DIRECTORIES = List.of("dev", "proc", "sys", "run", "tmp", "sysroot", "mnt", "etc", "lib",
            "bin", "sbin", "usr/bin", "usr/sbin");

    private final Path hostRoot;

    public InitramfsBuilder() {
        this(Path.of("/"));
    }

    /** {@code hostRoot} is where the host's busybox is looked for (tests relocate it). */
    public InitramfsBuilder(Path hostRoot) {
        this.hostRoot = hostRoot;
    }

    public InitramfsResult build(InitramfsSpec spec) {
        ModuleTree tree = ModuleTree.open(spec.sysroot(), spec.kernelVersion());
        Path busybox = BusyboxLocator.locate(spec.busybox(), Optional.of(spec.sysroot()), hostRoot);
        TreeSet<String> wanted = new TreeSet<>(REQUIRED_MODULES);
        wanted.addAll(spec.modules());
        for (String m : DEFAULT_MODULES) {
            if (tree.has(m) || tree.isBuiltin(m)) {
                wanted.add(m);
            }
        }
        ModuleSet modules = ModuleClosure.resolve(tree, wanted);

        CpioArchiveBuilder cpio = new CpioArchiveBuilder();
        DIRECTORIES.forEach(d -> cpio.directory(d, 0755));
        cpio.directory("tmp", 01777);
        cpio.charDevice("dev/console", 5, 1, 0600);
        cpio.charDevice("dev/null", 1, 3, 0666);
        cpio.file("init", spec.init(), 0755);
        cpio.file("etc/udhcpc.script", spec.udhcpcScript(), 0755);
        cpio.file("bin/busybox", read(busybox), 0755);
        cpio.symlink("bin/sh", "busybox");

        String modDir = "lib/modules/" + spec.kernelVersion() + "/";
        for (String m : modules.loadOrder()) {
            cpio.file(modDir + tree.installPath(m), tree.contents(m), 0644);
        }
        cpio.file(modDir + "modules.dep", ModuleIndexFiles.modulesDep(tree, modules), 0644);
        cpio.file(modDir + "modules.alias", ModuleIndexFiles.modulesAlias(tree, modules), 0644);
        cpio.file(modDir + "modules.softdep", ModuleIndexFiles.modulesSoftdep(tree, modules), 0644);
        Path builtin = tree.directory().resolve("modules.builtin");
        if (Files.isRegularFile(builtin)) {
            cpio.file(modDir + "modules.builtin", read(builtin), 0644);
        }

        long size = write(cpio, spec.output());
        return new InitramfsResult(spec.output(), size, busybox, new ArrayList<>(modules.loadOrder()), modules.builtin());
    }

    /** Writes next to the target and renames, so a failed build never leaves a truncated initramfs behind. */
    private static long write(CpioArchiveBuilder cpio, Path output) {
        try {
            Path dir = output.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + output.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    cpio.writeGzip(out);
                }
                // world-readable: tftpd serves it as an unprivileged user
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Files.size(output);
        } catch (IOException e) {
            throw NetgenException.usage("cannot write " + output + ": " + e + " (pass -o with a writable path)");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
