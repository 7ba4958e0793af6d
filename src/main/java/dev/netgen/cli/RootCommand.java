package dev.netgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `netgen root`: the client's distribution root (HOWTO section 3); only dispatches to create and prepare. */
@Command(name = "root", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create a Debian client root, or make an installed root diskless-ready.",
        subcommands = {RootCreateCommand.class, RootPrepareCommand.class})
final class RootCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: 'netgen root create' or 'netgen root prepare'.");
    }
}
