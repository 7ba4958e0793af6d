package dev.netgen.apply;

import dev.netgen.core.NetgenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serialises applies to one server: a session on the server holds flock(1) on
 * /var/lib/netgen/SERVER.lock for as long as its standard input stays open. Closing it (or netgen
 * dying, which closes the ssh channel) releases the lock, so a killed run never leaves a stale lock.
 * This one long-lived session uses ProcessBuilder, which gives direct access to its open stdin.
 */
final class ServerLock implements AutoCloseable {
    private static final String LOCKED = "netgen-locked";
    private static final String BUSY = "netgen-busy";

    private final Process session;

    private ServerLock(Process session) {
        this.session = session;
    }

    static ServerLock acquire(Remote remote, ApplyTarget t, Duration wait) throws IOException {
        String lock = t.stateDir() + "/" + t.server() + ".lock";
        String script = "mkdir -p " + ShellQuote.quote(t.stateDir()) + " && exec 9>>" + ShellQuote.quote(lock)
                + " && if flock -n 9; then echo " + LOCKED + "; cat >/dev/null; else echo " + BUSY + "; fi";
        Process p = new ProcessBuilder(remote.command(script)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ServerLock held = new ServerLock(p);
        String line;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            held.close();
            throw new IOException("no answer within " + wait.toSeconds() + " s while taking the lock " + lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held.close();
            throw new IOException("interrupted while taking the lock " + lock, e);
        }
        if (LOCKED.equals(line)) {
            return held;
        }
        held.close();
        if (BUSY.equals(line)) {
            throw NetgenException.applyFailed("another netgen apply to " + t.server() + " (" + remote.describe() + ") is running: it holds "
                    + lock + "; wait for it to finish and run apply again", null);
        }
        throw new IOException("cannot take the lock " + lock + " (the server needs flock from util-linux, and " + t.stateDir() + " must be writable)");
    }

    @Override
    public void close() {
        try {
            session.getOutputStream().close();
            if (!session.waitFor(10, TimeUnit.SECONDS)) {
                session.destroy();
            }
        } catch (IOException e) {
            session.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.destroy();
        }
    }
}
