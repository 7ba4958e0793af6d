package dev.netgen.cli;

import dev.netgen.inventory.Inventory;
import dev.netgen.render.RenderService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Parse and check the inventory; print every problem (exit 3 if any).")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    InventoryOptions inventory;

    @Override
    public Integer call() {
        Inventory inv = RenderService.load(inventory.path());
        spec.commandLine().getOut().printf("%s: valid (%d servers, %d networks, %d images, %d hosts)%n",
                inventory.path(), inv.servers().size(), inv.networks().size(), inv.images().size(), inv.hosts().size());
        return 0;
    }
}
