package dev.netgen.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmdebstrapCommandTest {
    @TempDir
    Path tmp;

    @Test
    void minbaseWithBasePackagesUserPackagesAndTheMachinesSources() {
        RootSpec spec = new RootSpec(Path.of("/srv/root"), "bookworm", List.of("busybox", "kmod", "iproute2"), Optional.empty());

        assertThat(MmdebstrapCommand.arguments(Path.of("/usr/bin/mmdebstrap"), spec, List.of(Path.of("/etc/apt/sources.list.d/debian.sources")),
                Optional.empty())).containsExactly("/usr/bin/mmdebstrap", "--mode=root", "--variant=minbase",
                "--include=systemd-sysv,kmod,busybox,iproute2", "bookworm", "/srv/root", "/etc/apt/sources.list.d/debian.sources");
    }

    @Test
    void kernelPackageIsDownloadedInsideTheRootAndCopiedOut() {
        RootSpec spec = new RootSpec(Path.of("/srv/root"), "bookworm", List.of(), Optional.of("6.1.0-56-amd64"));

        List<String> argv = MmdebstrapCommand.arguments(Path.of("mmdebstrap"), spec, List.of(), Optional.of(Path.of("/tmp/debs")));

        assertThat(argv).containsExactly("mmdebstrap", "--mode=root", "--variant=minbase", "--include=systemd-sysv,kmod",
                "--customize-hook=chroot \"$1\" sh -c 'mkdir -p /tmp/netgen-kernel && cd /tmp/netgen-kernel"
                        + " && apt-get -q -o APT::Sandbox::User=root download linux-image-6.1.0-56-amd64'"
                        + " && cp \"$1\"/tmp/netgen-kernel/linux-image-6.1.0-56-amd64_*.deb '/tmp/debs/'",
                "bookworm", "/srv/root");
    }

    @Test
    void refusesValuesThatWouldBreakOutOfTheHookOrTheArguments() {
        assertThatThrownBy(() -> new RootSpec(Path.of("r"), "bookworm", List.of(), Optional.of("6.1'; rm -rf /")))
                .isInstanceOf(NetgenException.class).hasMessage("invalid kernel version '6.1'; rm -rf /': expected the version in"
                        + " linux-image-<version>, such as 6.1.0-56-amd64");
        assertThatThrownBy(() -> new RootSpec(Path.of("r"), "bookworm", List.of("--yes"), Optional.empty()))
                .hasMessage("invalid package '--yes': expected a Debian package name");
        assertThatThrownBy(() -> new RootSpec(Path.of("r"), "Book worm", List.of(), Optional.empty()))
                .hasMessage("invalid suite 'Book worm': expected a Debian release name such as bookworm");
        assertThat(RootSpec.splitPackages("a,b  c,,d")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void usesTheMachinesSourcesOnlyForTheMachinesOwnRelease() throws IOException {
        Path etc = tmp.resolve("etc");
        Files.createDirectories(etc.resolve("apt/sources.list.d"));
        Files.writeString(etc.resolve("os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_CODENAME=bookworm\n");
        Files.writeString(etc.resolve("apt/sources.list"), "# moved to sources.list.d\n");
        Files.writeString(etc.resolve("apt/sources.list.d/debian.sources"), "Types: deb\nURIs: http://deb.debian.org/debian\n");
        Files.writeString(etc.resolve("apt/sources.list.d/extra.list"), "deb http://example.invalid/debian bookworm main\n");
        Files.writeString(etc.resolve("apt/sources.list.d/old.list.disabled"), "deb http://example.invalid/x bookworm main\n");
        AptSources sources = new AptSources(etc);

        assertThat(sources.codename()).contains("bookworm");
        assertThat(sources.mirrorsFor("bookworm")).containsExactly(etc.resolve("apt/sources.list.d/debian.sources"),
                etc.resolve("apt/sources.list.d/extra.list"));
        assertThat(sources.mirrorsFor("trixie")).isEmpty();
    }
}
