package dev.netgen.root;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs a tool through Commons Exec with its output streamed to the log (stderr), a timeout and no stdin. */
final class ExternalCommand {
    private ExternalCommand() {
    }

    /** Runs {@code argv}; a non-zero exit, a timeout or a failed start is a {@link NetgenException} naming the tool. */
    static void run(List<String> argv, Duration timeout, OutputStream log) {
        CommandLine cl = new CommandLine(argv.get(0));
        argv.subList(1, argv.size()).forEach(a -> cl.addArgument(a, false));
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(log, log));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        String tool = argv.get(0);
        int exit;
        try {
            exit = executor.execute(cl);
        } catch (IOException e) {
            throw NetgenException.internal("could not run " + tool + ": " + e.getMessage(), e);
        }
        if (watchdog.killedProcess()) {
            throw NetgenException.internal(tool + " did not finish within " + timeout.toMinutes() + " min and was stopped;"
                    + " see its output above", null);
        }
        if (exit != 0) {
            throw NetgenException.internal(tool + " failed with exit code " + exit + ": see its output above", null);
        }
    }
}
