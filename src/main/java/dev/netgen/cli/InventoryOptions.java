package dev.netgen.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The inventory location, shared by every command that reads one. */
public final class InventoryOptions {
    @Option(names = {"-i", "--inventory"}, paramLabel = "PATH", defaultValue = "inventory",
            description = "Inventory YAML file, or a directory whose *.yaml/*.yml files are merged in name order (default: ${DEFAULT-VALUE}).")
    Path inventory;

    public Path path() {
        return inventory;
    }
}
