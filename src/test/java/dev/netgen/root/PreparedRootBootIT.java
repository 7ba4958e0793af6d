package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.testsupport.Require;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Boots a root made by `netgen root create` and `netgen root prepare` under QEMU (TCG) up to the
 * client marker, in both writable-root modes. The root is shared read-only over virtio-9p by a small
 * test initramfs (src/test/resources/root/test-init.sh) instead of NFS; the NFS boot itself is the
 * lab's test. It proves that systemd on the prepared root reaches multi-user.target without failed units
 * or start jobs waiting for things that never come.
 */
class PreparedRootBootIT {
    private static final Duration BOOT_LIMIT = Duration.ofSeconds(240);
    private static final List<String> SHARE_MODULES = List.of("virtio_pci", "9pnet_virtio", "9p", "overlay");
    private static Path work;
    private static Path root;
    private static Path initrd;
    private static String kver;

    @BeforeAll
    static void preparedRootAndTestInitramfs() throws Exception {
        Require.tool("qemu-system-x86_64", "qemu-system-x86");
        Require.tool("cpio", "cpio");
        Path busybox = Require.tool("busybox", "busybox-static");
        Require.that(isStatic(busybox), busybox + " is not static: apt-get install busybox-static");
        kver = CachedDebianRoot.kernelVersion();
        work = Files.createTempDirectory("netgen-root-boot-");
        root = CachedDebianRoot.copyTo(work);
        new RootPreparer().prepare(root, false);
        showResolvConfOnTheConsole();
        initrd = buildInitramfs(busybox);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (work != null) {
            CachedDebianRoot.delete(work);
        }
    }

    @Test
    void bootsWithAnOverlayRoot() throws Exception {
        assertBootsToTheMarker("overlay");
    }

    @Test
    void bootsWithTheHowtosTmpfsRootOfSymlinks() throws Exception {
        assertBootsToTheMarker("symlinks");
    }

    private static void assertBootsToTheMarker(String mode) throws Exception {
        String console = boot(mode);

        assertThat(console).contains("test-init: writable root by " + mode).contains(ClientMarker.TEXT)
                .contains("test-resolv: nameserver 192.0.2.53")
                .contains("Reached target multi-user.target");
        assertThat(console.lines().filter(l -> l.contains("FAILED") || l.contains("[ TIME ]") || l.contains("[DEPEND]")
                || l.contains("A start job is running") || l.contains("/start running")
                || l.contains("insmod") && l.contains("failed"))).as("failed units or waits").isEmpty();
    }

    private static String boot(String mode) throws Exception {
        List<String> argv = List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "1024", "-smp", "1", "-nographic", "-no-reboot",
                "-nic", "none", "-kernel", root.resolve("boot/vmlinuz-" + kver).toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 panic=-1 netgen.mode=" + mode,
                "-virtfs", "local,path=" + root + ",mount_tag=root,security_model=passthrough,readonly=on");
        Process qemu = new ProcessBuilder(argv).redirectErrorStream(true).start();
        qemu.getOutputStream().close();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(qemu.getInputStream(), console));
        reader.start();
        long start = System.nanoTime();
        long deadline = start + BOOT_LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline && qemu.isAlive() && !text(console).contains("Reached target multi-user.target")) {
                Thread.sleep(250);
            }
            Thread.sleep(1000); // lets the lines after the target arrive (failed units are printed before it)
        } finally {
            qemu.destroyForcibly();
            qemu.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
        }
        String text = text(console);
        System.err.printf("---- console (%s, %.1f s from QEMU start) ----%n%s%n", mode, (System.nanoTime() - start) / 1e9, text);
        return text;
    }

    /** A test-only unit: the client's /etc/resolv.conf must reach the name servers the initramfs left in /run/netgen. */
    private static void showResolvConfOnTheConsole() throws IOException {
        Path units = root.resolve("etc/systemd/system");
        Files.writeString(units.resolve("test-resolv.service"), """
                [Service]
                Type=oneshot
                ExecStart=/bin/sh -c 'echo "test-resolv: $$(cat /etc/resolv.conf)" >/dev/console'
                [Install]
                WantedBy=multi-user.target
                """);
        Files.createSymbolicLink(units.resolve("multi-user.target.wants/test-resolv.service"), Path.of("/etc/systemd/system/test-resolv.service"));
    }

    /** busybox, the init, and the 9p/overlay modules with their dependencies in load order. */
    private static Path buildInitramfs(Path busybox) throws Exception {
        Path staging = work.resolve("initramfs");
        for (String d : new String[] {"bin", "lib/modules", "proc", "sys", "dev", "lower", "rw", "sysroot"}) {
            Files.createDirectories(staging.resolve(d));
        }
        Files.copy(busybox, staging.resolve("bin/busybox"));
        Files.createSymbolicLink(staging.resolve("bin/sh"), Path.of("busybox"));
        try (InputStream in = PreparedRootBootIT.class.getResourceAsStream("/root/test-init.sh")) {
            Files.write(staging.resolve("init"), in.readAllBytes());
        }
        Files.setPosixFilePermissions(staging.resolve("init"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path modules = RootFs.open(root).resolveFollowing("/lib/modules/" + kver);
        List<String> order = new ArrayList<>();
        for (String ko : loadOrder(modules)) {
            String name = Path.of(ko).getFileName().toString();
            Files.copy(modules.resolve(ko), staging.resolve("lib/modules/" + name));
            order.add(name);
        }
        Files.writeString(staging.resolve("modules.order"), String.join("\n", order) + "\n");
        Path out = work.resolve("initrd.gz");
        CachedDebianRoot.run(List.of("sh", "-c", "cd '" + staging + "' && find . | cpio -o -H newc --quiet | gzip -1 > '" + out + "'"));
        return out;
    }

    /** Dependencies first, from the root's modules.dep (written by depmod during root create). */
    private static Set<String> loadOrder(Path modules) throws IOException {
        Map<String, List<String>> deps = Files.readAllLines(modules.resolve("modules.dep")).stream()
                .filter(l -> l.contains(":"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')),
                        l -> List.of(l.substring(l.indexOf(':') + 1).strip().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList()));
        Set<String> order = new LinkedHashSet<>();
        for (String module : SHARE_MODULES) {
            String path = deps.keySet().stream().filter(p -> p.endsWith("/" + module + ".ko")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + module + ".ko in " + modules));
            visit(path, deps, order);
        }
        return order;
    }

    private static void visit(String module, Map<String, List<String>> deps, Set<String> order) {
        if (order.contains(module)) {
            return;
        }
        for (String dep : deps.getOrDefault(module, List.of())) {
            visit(dep, deps, order);
        }
        order.add(module);
    }

    /** A static ELF64 executable has no PT_INTERP program header (no dynamic loader to run it). */
    private static boolean isStatic(Path elf) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(elf.toRealPath())).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(0x20);
        int phentsize = Short.toUnsignedInt(b.getShort(0x36));
        int phnum = Short.toUnsignedInt(b.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            if (b.getInt((int) phoff + i * phentsize) == 3) {
                return false;
            }
        }
        return true;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // QEMU was stopped; the console so far is what counts.
        }
    }

    /** The console without systemd's colour escapes, which sit between the words of its status lines. */
    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
        }
    }
}
