package dev.netgen.apply;

import dev.netgen.core.NetgenException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Prints a unified diff (the system's {@code diff -u}) from what is live on a server to what apply would
 * put there. Read-only: an interrupted swap is reported, not replayed.
 */
final class Differ {
    private final ApplyTarget t;
    private final Remote remote;

    Differ(ApplyTarget target, Remote remote) {
        this.t = target;
        this.remote = remote;
    }

    /** Returns whether anything differs. */
    boolean diff(PrintWriter out) throws IOException {
        List<LocalFile> wanted = RenderedTree.read(t);
        ServerState state = ServerProbe.read(remote, t, wanted.stream().map(LocalFile::serverPath).toList(), false);
        Plan plan = Planner.plan(t, wanted, state, paths -> ServerProbe.firstLines(remote, t, paths));
        boolean differs = false;
        if (state.journal()) {
            out.println("# " + t.server() + ": an interrupted apply left " + Transaction.journalPath(t) + "; netgen apply finishes it");
            differs = true;
        }
        if (!state.pending().isEmpty()) {
            out.println("# " + t.server() + ": services not reloaded since an interrupted apply: " + Applier.labels(state.pending()));
            differs = true;
        }
        List<String> changed = new java.util.ArrayList<>(plan.foreign());
        plan.changes().stream().filter(c -> c.action() != Change.Action.CREATE).forEach(c -> changed.add(c.path()));
        Map<String, byte[]> live = fetch(changed);
        for (String f : plan.foreign()) {
            differs = true;
            out.println("# " + t.server() + ":" + f + " was not written by netgen: apply refuses to overwrite it until it is moved aside");
            byte[] after = wanted.stream().filter(w -> w.serverPath().equals(f)).findFirst().orElseThrow().content();
            out.print(unified(t.server() + ":" + f + " (live)", live.get(f), t.server() + ":" + f + " (rendered)", after));
        }
        for (Change c : plan.changes()) {
            differs = true;
            if (c.handEdited()) {
                out.println("# " + t.server() + ":" + c.path() + " was edited by hand on the server");
            }
            byte[] before = c.action() == Change.Action.CREATE ? null : live.get(c.path());
            byte[] after = c.file().isPresent() ? c.file().get().content() : null;
            out.print(unified(t.server() + ":" + c.path() + " (live)", before, t.server() + ":" + c.path() + " (rendered)", after));
        }
        out.flush();
        return differs;
    }

    /** The live contents of {@code paths}, streamed as one tar archive. */
    private Map<String, byte[]> fetch(List<String> paths) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        if (paths.isEmpty()) {
            return out;
        }
        StringBuilder list = new StringBuilder();
        paths.forEach(p -> list.append(t.real(p).substring(1)).append('\n'));
        ProcessRunner.Result r = remote.run("tar -c -f - -C / -T -", list.toString().getBytes(StandardCharsets.UTF_8));
        if (!r.ok()) {
            throw NetgenException.applyFailed("cannot read the live files on " + t.server() + ": " + SshRemote.lastLine(r.stderr()), null);
        }
        String prefix = t.root().equals("/") ? "" : t.root();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(r.stdout()))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    out.put(("/" + e.getName()).substring(prefix.length()), tar.readAllBytes());
                }
            }
        }
        return out;
    }

    /** {@code diff -u} of two contents (null = absent), with the given labels. */
    static String unified(String labelA, byte[] a, String labelB, byte[] b) throws IOException {
        Path dir = Files.createTempDirectory("netgen-diff");
        try {
            Path fa = dir.resolve("a");
            Path fb = dir.resolve("b");
            Files.write(fa, a == null ? new byte[0] : a);
            Files.write(fb, b == null ? new byte[0] : b);
            ProcessRunner.Result r = ProcessRunner.run(List.of("diff", "-u", "--label", labelA, "--label", labelB,
                    a == null ? "/dev/null" : fa.toString(), b == null ? "/dev/null" : fb.toString()), null, Duration.ofMinutes(1));
            if (r.exit() > 1) {
                throw new IOException("diff failed: " + r.stderr().strip());
            }
            return r.out();
        } finally {
            Files.deleteIfExists(dir.resolve("a"));
            Files.deleteIfExists(dir.resolve("b"));
            Files.deleteIfExists(dir);
        }
    }
}
