package dev.netgen.apply;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A server reached with the system's OpenSSH client, so ~/.ssh/config, agents, jump hosts and
 * known_hosts behave as users expect. One master connection (ControlMaster) carries every command of
 * an apply; host keys are always checked and nothing is ever asked interactively (BatchMode). The
 * master exits two minutes after its last use even if netgen is killed before closing it.
 */
final class SshRemote implements Remote {
    private final String destination;
    private final SshSettings settings;
    private final Path controlDir;
    private final String display;

    private SshRemote(String destination, SshSettings settings, Path controlDir, String display) {
        this.destination = destination;
        this.settings = settings;
        this.controlDir = controlDir;
        this.display = display;
    }

    private static final java.util.regex.Pattern HOST_PORT = java.util.regex.Pattern.compile("(?:[^@/\\s]+@)?[^:@/\\[\\]\\s]+:[0-9]{1,5}");

    /** ssh takes {@code user@host} or an ssh:// URI; the inventory's {@code [user@]host:port} becomes the URI. */
    static String sshDestination(String destination) {
        return HOST_PORT.matcher(destination).matches() ? "ssh://" + destination : destination;
    }

    /** Opens the master connection, or throws an apply failure that says why the server is unreachable. */
    static SshRemote connect(String target, SshSettings settings) {
        String destination = sshDestination(target);
        Path dir;
        try {
            dir = Files.createTempDirectory("netgen-ssh");
        } catch (IOException e) {
            throw NetgenException.applyFailed("cannot create a directory for the ssh control socket: " + e.getMessage(), e);
        }
        SshRemote remote = new SshRemote(destination, settings, dir, resolveDisplay(destination, settings));
        List<String> argv = remote.base();
        argv.addAll(List.of("-o", "ControlMaster=yes", "-o", "ControlPersist=120", "-N", "-f", remote.destination));
        ProcessRunner.Result r;
        try {
            r = ProcessRunner.run(argv, null, settings.connectTimeout().plusSeconds(5));
        } catch (IOException e) {
            remote.deleteControlDir();
            throw NetgenException.applyFailed("cannot run ssh (install openssh-client): " + e.getMessage(), e);
        }
        if (!r.ok()) {
            remote.deleteControlDir();
            throw NetgenException.applyFailed(remote.explain(r, settings.connectTimeout()), null);
        }
        return remote;
    }

    @Override
    public ProcessRunner.Result run(String script, byte[] stdin) throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(command(script), stdin, settings.commandTimeout());
        if (r.timedOut()) {
            throw new IOException("a command on " + display + " did not finish within " + settings.commandTimeout().toSeconds() + " s");
        }
        if (r.exit() == 255 && !masterAlive()) {
            String why = r.stderr().isBlank() ? "" : " (" + lastLine(r.stderr()) + ")";
            throw new IOException("the ssh connection to " + display + " was lost" + why);
        }
        return r;
    }

    @Override
    public List<String> command(String script) {
        List<String> argv = base();
        // Only ever through the master: if it is gone, ssh must fail (and the apply stop) rather than quietly
        // open a second connection without the server lock; ProxyCommand=false makes that fallback fail.
        argv.addAll(List.of("-o", "ControlMaster=no", "-o", "ProxyCommand=false", "-T", destination, "sh -c " + ShellQuote.quote(script)));
        return argv;
    }

    @Override
    public String describe() {
        return display;
    }

    @Override
    public void close() {
        List<String> argv = base();
        argv.addAll(List.of("-O", "exit", destination));
        try {
            ProcessRunner.run(argv, null, Duration.ofSeconds(10));
        } catch (IOException e) {
            // The master may already be gone; nothing else holds the socket.
        }
        deleteControlDir();
    }

    private boolean masterAlive() throws IOException {
        List<String> argv = base();
        argv.addAll(List.of("-O", "check", destination));
        return ProcessRunner.run(argv, null, Duration.ofSeconds(10)).ok();
    }

    /** The options netgen always uses; only -F comes from the settings. */
    private List<String> base() {
        List<String> argv = new ArrayList<>(List.of("ssh"));
        settings.configFile().ifPresent(f -> argv.addAll(List.of("-F", f.toString())));
        argv.addAll(List.of(
                "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "ConnectTimeout=" + settings.connectTimeout().toSeconds(),
                "-o", "ServerAliveInterval=5",
                "-o", "ServerAliveCountMax=3",
                "-o", "LogLevel=ERROR",
                "-o", "ControlPath=" + controlDir.resolve("cm")));
        return argv;
    }

    /** user@host:port as ssh itself resolves it from the configuration (ssh -G does not connect). */
    private static String resolveDisplay(String destination, SshSettings settings) {
        List<String> argv = new ArrayList<>(List.of("ssh"));
        settings.configFile().ifPresent(f -> argv.addAll(List.of("-F", f.toString())));
        argv.addAll(List.of("-G", destination));
        try {
            ProcessRunner.Result r = ProcessRunner.run(argv, null, Duration.ofSeconds(10));
            if (r.ok()) {
                String user = null;
                String host = null;
                String port = null;
                for (String line : r.out().split("\n")) {
                    String[] kv = line.split(" ", 2);
                    if (kv.length == 2) {
                        switch (kv[0]) {
                            case "user" -> user = kv[1];
                            case "hostname" -> host = kv[1];
                            case "port" -> port = kv[1];
                            default -> { }
                        }
                    }
                }
                if (user != null && host != null && port != null) {
                    return user + "@" + host + ":" + port;
                }
            }
        } catch (IOException e) {
            // Fall back to the destination as written.
        }
        return destination;
    }

    private String explain(ProcessRunner.Result r, Duration timeout) {
        String err = r.stderr();
        String lower = err.toLowerCase(Locale.ROOT);
        if (r.timedOut() || lower.contains("timed out")) {
            return "cannot reach " + display + ": connection timed out after " + timeout.toSeconds() + " s";
        }
        if (lower.contains("connection refused")) {
            return "cannot reach " + display + ": connection refused (is sshd running and the port right?)";
        }
        if (lower.contains("host key verification failed") || lower.contains("host identification has changed")
                || lower.contains("host key is known") || lower.contains("host key for")) {
            return "host key of " + display + " does not match known_hosts (or is unknown): verify the server's key, "
                    + "then record it (ssh once by hand, or ssh-keyscan after checking the fingerprint); netgen never accepts keys itself";
        }
        if (lower.contains("permission denied")) {
            return "ssh login to " + display + " was refused (" + lastLine(err) + "): check the key, agent or user";
        }
        if (lower.contains("could not resolve") || lower.contains("no route") || lower.contains("network is unreachable")) {
            return "cannot reach " + display + ": " + lastLine(err);
        }
        return "ssh to " + display + " failed (exit " + r.exit() + "): " + lastLine(err);
    }

    static String lastLine(String text) {
        String t = text.strip();
        int nl = t.lastIndexOf('\n');
        String line = nl < 0 ? t : t.substring(nl + 1);
        return line.isEmpty() ? "no message" : line.strip();
    }

    private void deleteControlDir() {
        try {
            Files.deleteIfExists(controlDir.resolve("cm"));
            Files.deleteIfExists(controlDir);
        } catch (IOException e) {
            // A leftover empty temp directory is harmless.
        }
    }
}
