package dev.netgen.cli;

import dev.netgen.apply.ApplyService;
import dev.netgen.apply.InventoryTargets;
import dev.netgen.apply.SshSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Push each boot server's files over ssh (or locally when it has no ssh), check them with the daemons' own tools, "
                + "swap them in atomically and reload only the affected services; roll back and exit 5 on any failure.")
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    InventoryOptions inventory;

    @Mixin
    Options options;

    @Option(names = "--dry-run", description = "Print what would change on each server and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (InventoryTargets t = InventoryTargets.prepare(inventory.path(), options.output, options.servers())) {
            new ApplyService(options.ssh()).apply(t.targets(), dryRun, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return 0;
    }

    /** Options shared by apply and diff: which servers, where built artifacts are, how to reach them. */
    static final class Options {
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
}
