package dev.netgen.bootcheck;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the lab boot server image from Debian packages with mmdebstrap (about a minute), cached by a
 * hash of everything that goes into it: packages, kernel, modules and the init scripts below.
 */
final class ServerImageBuilder {
    static final List<String> PACKAGES = List.of("isc-dhcp-server", "nfs-kernel-server", "xinetd", "tftpd-hpa",
            "openssh-server", "busybox", "iproute2", "radvd", "kmod");
    /** Loaded by the init; their dependencies come along. crc32c_generic is ext4's soft dependency. */
    static final List<String> MODULES = List.of("virtio_pci", "virtio_net", "e1000", "bridge", "crc32c_generic",
            "ext4", "virtio_blk", "nfsd");
    private static final String SUITE = "bookworm";
    private static final String RECIPE = "3";
    /** in.tftpd as xinetd starts it, but verbose: its "RRQ from <ip> filename <file>" lines show each TFTP stage. */
    private static final String TFTPD_WRAPPER = """
            #!/bin/sh
            # netgen lab: log every TFTP request to syslog (the serial console), whatever server_args say.
            exec /usr/sbin/in.tftpd.real -v "$@"
            """;

    private final LabCache cache;
    private final PrintWriter log;

    ServerImageBuilder(LabCache cache, PrintWriter log) {
        this.cache = cache;
        this.log = log;
    }

    ServerImage build(DebianKernel kernel) {
        String key = LabCache.hash(RECIPE, SUITE, String.join(",", PACKAGES), String.join(",", MODULES),
                kernel.dir().getFileName().toString(), kernel.version(),
                resource("server-init"), resource("netgen-svc"), resource("radvd.conf"));
        Path entry = cache.lab().resolve("server-" + key);
        if (!Files.isRegularFile(entry.resolve("initrd.cpio.gz"))) {
            log.println("lab: building the boot server image (mmdebstrap, about a minute; cached as " + entry + ")");
            log.flush();
            Path tmp = cache.partial(entry);
            make(kernel, tmp);
            cache.commit(tmp, entry);
        }
        try {
            return new ServerImage(kernel.vmlinuz(), entry.resolve("initrd.cpio.gz"),
                    Files.readString(entry.resolve("host-key.pub")).strip());
        } catch (IOException e) {
            throw NetgenException.internal("broken lab cache entry " + entry + "; delete it: " + e.getMessage(), e);
        }
    }

    private void make(DebianKernel kernel, Path work) {
        Path root = work.resolve("root");
        Tools.run(null, List.of("mmdebstrap", "--quiet", "--variant=minbase", "--include=" + String.join(",", PACKAGES),
                "--dpkgopt=path-exclude=/usr/share/doc/*", "--dpkgopt=path-exclude=/usr/share/man/*",
                "--dpkgopt=path-exclude=/usr/share/locale/*", "--dpkgopt=path-exclude=/usr/share/info/*",
                SUITE, root.toString()));
        try {
            write(root.resolve("init"), resource("server-init"), "rwxr-xr-x");
            write(root.resolve("usr/local/sbin/netgen-svc"), resource("netgen-svc"), "rwxr-xr-x");
            write(root.resolve("etc/radvd.conf"), resource("radvd.conf"), "rw-r--r--");
            Tools.sh(root, "rm -rf var/cache/apt/* var/lib/apt/lists/* var/log/* usr/share/doc usr/share/man "
                    + "etc/ssh/ssh_host_*; ssh-keygen -q -t ed25519 -N '' -C netgen-lab -f etc/ssh/ssh_host_ed25519_key");
            // The package's example dhcpd.conf is not netgen's; apply rightly refuses to overwrite it.
            Files.move(root.resolve("etc/dhcp/dhcpd.conf"), root.resolve("etc/dhcp/dhcpd.conf.debian"));
            Files.move(root.resolve("usr/sbin/in.tftpd"), root.resolve("usr/sbin/in.tftpd.real"));
            write(root.resolve("usr/sbin/in.tftpd"), TFTPD_WRAPPER, "rwxr-xr-x");
            copyModules(kernel, root);
            Tools.run(null, List.of("depmod", "-b", root.toString(), kernel.version()));
            Files.copy(root.resolve("etc/ssh/ssh_host_ed25519_key.pub"), work.resolve("host-key.pub"));
            Tools.sh(root, "find . -xdev | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1 > ../initrd.cpio.gz");
            LabCache.delete(root);
        } catch (IOException e) {
            throw NetgenException.internal("cannot build the lab server image in " + work + ": " + e.getMessage(), e);
        }
    }

    /** Copies {@link #MODULES} and what they depend on (modinfo's depends=) from the kernel into the root. */
    private static void copyModules(DebianKernel kernel, Path root) throws IOException {
        Map<String, Path> byName = new HashMap<>();
        try (Stream<Path> s = Files.walk(kernel.modules().resolve("kernel"))) {
            s.filter(p -> p.toString().endsWith(".ko")).forEach(p -> byName.put(name(p), p));
        }
        Set<String> done = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(MODULES);
        while (!todo.isEmpty()) {
            String m = todo.pop().replace('-', '_');
            Path ko = byName.get(m);
            if (ko == null || !done.add(m)) {
                continue; // built into the kernel, or already copied
            }
            for (String d : Tools.run(null, List.of("modinfo", "-F", "depends", ko.toString())).strip().split(",")) {
                if (!d.isBlank()) {
                    todo.push(d.strip());
                }
            }
            Path to = root.resolve("lib/modules/" + kernel.version()).resolve(kernel.modules().relativize(ko).toString());
            Files.createDirectories(to.getParent());
            Files.copy(ko, to);
        }
        for (String f : List.of("modules.order", "modules.builtin", "modules.builtin.modinfo")) {
            Path from = kernel.modules().resolve(f);
            if (Files.exists(from)) {
                Files.copy(from, root.resolve("lib/modules/" + kernel.version() + "/" + f));
            }
        }
    }

    private static String name(Path ko) {
        String n = ko.getFileName().toString();
        return n.substring(0, n.length() - 3).replace('-', '_');
    }

    private static void write(Path p, String content, String mode) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    static String resource(String name) {
        try (InputStream in = ServerImageBuilder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
