package dev.netgen.cli;

import dev.netgen.apply.ApplyService;
import dev.netgen.apply.InventoryTargets;
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
    ServerOptions options;

    @Option(names = "--dry-run", description = "Print what would change on each server and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (InventoryTargets t = InventoryTargets.prepare(inventory.path(), options.output, options.servers())) {
            new ApplyService(options.ssh()).apply(t.targets(), dryRun, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return 0;
    }
}
