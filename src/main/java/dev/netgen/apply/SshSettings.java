package dev.netgen.apply;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How netgen drives the system's OpenSSH client. Everything else (keys, agents, jump hosts, users) comes
 * from the user's ssh configuration; {@code configFile} replaces ~/.ssh/config (ssh -F), which is how
 * tests point ssh at their own key and known_hosts without touching the product's options.
 */
public record SshSettings(Optional<Path> configFile, Duration connectTimeout, Duration commandTimeout) {
    public SshSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("ssh timeouts must be positive");
        }
    }

    public static SshSettings defaults() {
        return new SshSettings(Optional.empty(), Duration.ofSeconds(15), Duration.ofMinutes(10));
    }

    public SshSettings withConfigFile(Path file) {
        return new SshSettings(Optional.of(file), connectTimeout, commandTimeout);
    }
}
