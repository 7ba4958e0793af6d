package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootCreatorTest {
    @TempDir
    Path tmp;

    final RootCreator noTools = new RootCreator(name -> Optional.empty(), new ByteArrayOutputStream(), Duration.ofMinutes(1));

    @Test
    void missingMmdebstrapNamesThePackageToInstall() {
        assertThatThrownBy(() -> noTools.create(spec(tmp.resolve("new"))))
                .isInstanceOf(NetgenException.class)
                .hasMessage("mmdebstrap not found: netgen root create runs it to install the root; apt-get install mmdebstrap")
                .extracting(e -> ((NetgenException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void refusesTheHostRootAFileAndANonEmptyDirectory() throws IOException {
        assertThatThrownBy(() -> noTools.create(spec(Path.of("/")))).hasMessageContaining("is the host's own root directory /");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> noTools.create(spec(file))).hasMessageContaining("is not a directory");
        Files.createDirectories(tmp.resolve("used/etc"));
        assertThatThrownBy(() -> noTools.create(spec(tmp.resolve("used"))))
                .hasMessageContaining("SYSROOT " + tmp.resolve("used") + " is not empty: netgen root create installs a new root");
    }

    @Test
    void copyImageNeedsTheKernelInTheRoot() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/boot"));
        Path out = tmp.resolve("out/boot1/tftpboot/vmlinuz-6.1.0-56-amd64");

        assertThatThrownBy(() -> KernelFiles.copyImage(root.getParent(), "6.1.0-56-amd64", out))
                .hasMessageContaining("has no /boot/vmlinuz-6.1.0-56-amd64: create the root with --kernel-version 6.1.0-56-amd64");

        Files.writeString(root.resolve("vmlinuz-6.1.0-56-amd64"), "kernel image");
        KernelFiles.copyImage(root.getParent(), "6.1.0-56-amd64", out);
        assertThat(out).hasContent("kernel image");
    }

    private static RootSpec spec(Path sysroot) {
        return new RootSpec(sysroot, "bookworm", List.of(), Optional.empty());
    }
}
