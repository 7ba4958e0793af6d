package dev.netgen.cli;

import dev.netgen.apply.ApplyService;
import dev.netgen.apply.InventoryTargets;
import dev.netgen.core.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print a unified diff from what is live on each boot server to what apply would put there (exit 1 if anything differs).")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    InventoryOptions inventory;

    @Mixin
    ServerOptions options;

    @Override
    public Integer call() {
        try (InventoryTargets t = InventoryTargets.prepare(inventory.path(), options.output, options.servers())) {
            boolean differs = new ApplyService(options.ssh()).diff(t.targets(), spec.commandLine().getOut(), spec.commandLine().getErr());
            return differs ? ExitCode.DIFFERENCE.code() : ExitCode.OK.code();
        }
    }
}
