package dev.netgen.cli;

import dev.netgen.core.ExitCode;
import dev.netgen.core.NetgenException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds the one {@link CommandLine} that both {@link Main} and the tests use, so the exit-code mapping
 * and error output are the same everywhere.
 */
public final class CommandFactory {
    private CommandFactory() {
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new NetgenCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(executionErrors());
        cl.setParameterExceptionHandler(usageErrors());
        cl.setExitCodeExceptionMapper(t -> t instanceof NetgenException ne ? ne.exitCode().code() : ExitCode.INTERNAL.code());
        return cl;
    }

    private static IExecutionExceptionHandler executionErrors() {
        return (ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            NetgenException ne = ex instanceof NetgenException n ? n
                    : NetgenException.internal("internal error: " + ex + " (run with -x for the stack trace and report it)", ex);
            err.println(ne.getMessage());
            if (wantsStackTraces(parseResult)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ne.exitCode().code();
        };
    }

    private static IParameterExceptionHandler usageErrors() {
        return (ParameterException ex, String[] args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("netgen: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCode.USAGE.code();
        };
    }

    private static boolean wantsStackTraces(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("-x")) {
                return true;
            }
        }
        return false;
    }
}
