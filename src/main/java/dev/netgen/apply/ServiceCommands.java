package dev.netgen.apply;

import java.util.Objects;

/**
 * The shell commands that control one service on a server. {@code check} validates a candidate
 * configuration before it is swapped in; {@code {file}} in it is replaced by the candidate's path, and an
 * empty check means the daemon has none (netgen's own syntax checks still run). {@code isRunning} must
 * exit 0 only when the daemon runs.
 */
public record ServiceCommands(String check, String reload, String isRunning) {
    public ServiceCommands {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(reload, "reload");
        Objects.requireNonNull(isRunning, "isRunning");
        if (reload.isBlank() || isRunning.isBlank()) {
            throw new IllegalArgumentException("reload and is-running commands must not be empty");
        }
    }

    /** The check command for a candidate file, or empty when there is none. */
    public String checkFor(String candidatePath) {
        return check.replace("{file}", ShellQuote.quote(candidatePath));
    }
}
