package dev.netgen.cli;

import picocli.CommandLine.Command;

@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show resolved inventory entries.", subcommands = ShowHostCommand.class)
final class ShowCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing what to show: try 'netgen show host NAME'.");
    }
}
