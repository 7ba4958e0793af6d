package dev.netgen.cli;

import dev.netgen.apply.SshSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by apply and diff: which servers, where built artifacts are, how to reach them. */
final class ServerOptions {
    @Option(names = "--server", paramLabel = "NAME", description = "Only this server (repeatable; default: every server).")
    List<String> servers = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "Where built kernels and initramfs images are (DIR/<server>/<tftp-root>/); they are shipped too (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--ssh-config", paramLabel = "FILE",
            description = "An ssh configuration file used instead of ~/.ssh/config (ssh -F).")
    Path sshConfig;

    List<String> servers() {
        return List.copyOf(servers);
    }

    SshSettings ssh() {
        SshSettings s = SshSettings.defaults();
        return sshConfig == null ? s : s.withConfigFile(sshConfig);
    }
}
