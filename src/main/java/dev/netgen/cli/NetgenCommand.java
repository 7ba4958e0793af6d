package dev.netgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level `netgen` command; it only dispatches to subcommands. */
@Command(name = "netgen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns a declarative inventory of diskless PXE clients into boot-service configuration and proves that it boots.",
        subcommands = {
            ValidateCommand.class,
            RenderCommand.class,
            ShowCommand.class,
            DiffCommand.class,
            ApplyCommand.class,
            CheckCommand.class,
            InitrdCommand.class,
            RootCommand.class,
        })
final class NetgenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: see 'netgen --help'.");
    }
}
