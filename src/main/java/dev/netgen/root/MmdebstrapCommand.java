package dev.netgen.root;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mmdebstrap command line for a {@link RootSpec}; kept apart from running it so it can be read and tested. */
final class MmdebstrapCommand {
    private MmdebstrapCommand() {
    }

    /**
     * @param kernelDebDir where a customize hook copies the kernel package, downloaded inside the new root
     *     with the root's own apt sources; it is unpacked afterwards rather than installed, because installing
     *     a kernel package runs initramfs hooks a diskless root does not need
     */
    static List<String> arguments(Path mmdebstrap, RootSpec spec, List<Path> mirrors, Optional<Path> kernelDebDir) {
        List<String> argv = new ArrayList<>();
        argv.add(mmdebstrap.toString());
        argv.add("--mode=root");
        argv.add("--variant=minbase");
        argv.add("--include=" + String.join(",", spec.packages()));
        spec.kernelVersion().ifPresent(kver -> argv.add("--customize-hook=" + kernelDownloadHook(kver, kernelDebDir.orElseThrow())));
        argv.add(spec.suite());
        argv.add(spec.sysroot().toString());
        mirrors.forEach(m -> argv.add(m.toString()));
        return argv;
    }

    static String kernelPackage(String kernelVersion) {
        return "linux-image-" + kernelVersion;
    }

    private static String kernelDownloadHook(String kver, Path debDir) {
        String dir = debDir.toAbsolutePath().toString();
        if (dir.contains("'")) {
            throw new IllegalArgumentException("temporary directory with a quote: " + dir);
        }
        String pkg = kernelPackage(kver);
        // Runs in sh with $1 = the new root; the root's /tmp is emptied by mmdebstrap's cleanup afterwards.
        return "chroot \"$1\" sh -c 'mkdir -p /tmp/netgen-kernel && cd /tmp/netgen-kernel"
                + " && apt-get -q -o APT::Sandbox::User=root download " + pkg + "'"
                + " && cp \"$1\"/tmp/netgen-kernel/" + pkg + "_*.deb '" + dir + "/'";
    }
}
