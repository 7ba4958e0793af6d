package dev.netgen.bootcheck;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the host tools the lab needs (mmdebstrap, depmod, cpio, mkfs.ext4, ssh-keygen) and fails with their output. */
final class Tools {
    private Tools() {
    }

    /** Runs {@code argv} in {@code dir} (null = current), returns stdout; stderr is kept for the error message. */
    static String run(Path dir, List<String> argv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            p.getOutputStream().close();
            var err = new java.io.ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    // the process died; its exit code tells
                }
            });
            t.setDaemon(true);
            t.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            t.join(5000);
            if (p.exitValue() != 0) {
                String e = err.toString(StandardCharsets.UTF_8).strip();
                String last = e.lines().reduce((a, b) -> b).orElse("");
                throw new NetgenException(ExitCode.BOOT_FAILED, argv.get(0) + " failed (exit " + p.exitValue() + "): " + last);
            }
            return out;
        } catch (IOException e) {
            throw new NetgenException(ExitCode.BOOT_FAILED, "cannot run " + argv.get(0) + " (" + e.getMessage()
                    + "); install the lab's packages: qemu-system-x86 ipxe-qemu mmdebstrap cpio kmod e2fsprogs openssh-client pxelinux syslinux-common busybox-static", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetgenException(ExitCode.BOOT_FAILED, "interrupted while running " + argv.get(0));
        }
    }

    static String sh(Path dir, String script) {
        return run(dir, List.of("sh", "-c", script));
    }
}
