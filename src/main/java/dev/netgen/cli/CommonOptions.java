package dev.netgen.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "-x", description = "Show stack traces of errors (for bug reports).")
    boolean stackTraces;
}
