package dev.netgen.apply;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs one local program through Apache Commons Exec, with a time limit and captured output. */
final class ProcessRunner {
    private ProcessRunner() {
    }

    /** The outcome of one program run; {@code timedOut} means the watchdog killed it. */
    record Result(int exit, byte[] stdout, String stderr, boolean timedOut) {
        boolean ok() {
            return exit == 0 && !timedOut;
        }

        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    static Result run(List<String> argv, byte[] stdin, Duration timeout) throws IOException {
        CommandLine cl = new CommandLine(argv.get(0));
        for (String a : argv.subList(1, argv.size())) {
            cl.addArgument(a, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setExitValues(null);
        executor.setWatchdog(watchdog);
        executor.setStreamHandler(new PumpStreamHandler(out, err, stdin == null ? null : new ByteArrayInputStream(stdin)));
        int exit = executor.execute(cl);
        return new Result(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8), watchdog.killedProcess());
    }
}
