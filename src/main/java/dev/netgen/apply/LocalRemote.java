package dev.netgen.apply;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A server without {@code ssh} in the inventory: netgen is running on the boot server itself. */
final class LocalRemote implements Remote {
    private final Duration timeout;

    LocalRemote(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public ProcessRunner.Result run(String script, byte[] stdin) throws IOException {
        return ProcessRunner.run(command(script), stdin, timeout);
    }

    @Override
    public List<String> command(String script) {
        return List.of("sh", "-c", script);
    }

    @Override
    public String describe() {
        return "local";
    }

    @Override
    public void close() {
    }
}
