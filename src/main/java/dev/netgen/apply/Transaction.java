package dev.netgen.apply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The on-server side of a swap, designed so a server is only ever left with the old or the new set of
 * files:
 * <ol>
 * <li>every new file is uploaded as {@code FILE.netgen-new} beside its target (same filesystem, so the
 *     later rename is atomic), together with the new manifest, the services to reload ({@code .pending})
 *     and a journal, all staged; nothing live has changed and a failure just discards the staged files;</li>
 * <li>the daemons' own checks run on the staged files;</li>
 * <li>the commit point is one rename: the journal goes live as /var/lib/netgen/SERVER.journal. It is an
 *     idempotent shell script that keeps each previous file as {@code FILE.netgen-old}, renames the new
 *     one into place, then swaps manifest and pending list and deletes itself. It ignores SIGHUP, so a
 *     dropped ssh connection does not stop it; if the server dies mid-way, the next apply (or diff, which
 *     reports it) finds the journal and replays it before doing anything else;</li>
 * <li>rolling back is the same mechanism with a journal that moves the {@code .netgen-old} files back.</li>
 * </ol>
 * The pending list survives until the services were reloaded and seen running, so an interrupted apply's
 * reloads are redone by the next one even when no file differs any more.
 */
final class Transaction {
    static final String NEW = ".netgen-new";
    static final String OLD = ".netgen-old";

    private static final String HEADER = """
            #!/bin/sh
            # netgen %s journal for server %s: exists only while files are being swapped; replaying it
            # (netgen apply does so before anything else) finishes the swap. Every step is idempotent.
            trap '' HUP INT TERM PIPE
            r() { if [ -e "$1%s" ]; then if [ -e "$1" ]; then ln -f "$1" "$1%s"; elif [ -e "$1%s" ]; then rm -f "$1%s"; fi; mv -f "$1%s" "$1"; fi; }
            d() { if [ -e "$1" ]; then mv -f "$1" "$1%s"; fi; }
            u() { if [ -e "$1%s" ]; then mv -f "$1%s" "$1"; fi; }
            c() { rm -f "$1"; }
            """;

    private Transaction() {
    }

    static String journalPath(ApplyTarget t) {
        return t.stateDir() + "/" + t.server() + ".journal";
    }

    static String pendingPath(ApplyTarget t) {
        return t.stateDir() + "/" + t.server() + ".pending";
    }

    static String manifestPath(ApplyTarget t) {
        return t.stateDir() + "/" + t.server() + ".manifest";
    }

    private static String header(String kind, ApplyTarget t) {
        return String.format(HEADER, kind, t.server(), NEW, OLD, OLD, OLD, NEW, OLD, OLD, OLD);
    }

    private static String q(String s) {
        return ShellQuote.quote(s);
    }

    static String commitJournal(ApplyTarget t, Plan p) {
        StringBuilder sb = new StringBuilder(header("swap", t));
        for (Change c : p.changes()) {
            sb.append(c.action() == Change.Action.DELETE ? "d " : "r ").append(q(t.real(c.path()))).append('\n');
        }
        sb.append("r ").append(q(pendingPath(t))).append('\n');
        sb.append("r ").append(q(manifestPath(t))).append('\n');
        sb.append("sync\nrm -f ").append(q(journalPath(t))).append('\n');
        return sb.toString();
    }

    static String rollbackJournal(ApplyTarget t, Plan p) {
        StringBuilder sb = new StringBuilder(header("rollback", t));
        for (Change c : p.changes()) {
            sb.append(c.action() == Change.Action.CREATE ? "c " : "u ").append(q(t.real(c.path()))).append('\n');
        }
        sb.append("r ").append(q(pendingPath(t))).append('\n');
        sb.append(p.hadManifest() ? "u " : "c ").append(q(manifestPath(t))).append('\n');
        sb.append("sync\nrm -f ").append(q(journalPath(t))).append('\n');
        return sb.toString();
    }

    /** The staged files of a swap: new contents, manifest, pending services, journal. Keys are real paths. */
    static Map<String, byte[]> staged(ApplyTarget t, Plan p) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Change c : p.changes()) {
            if (c.file().isPresent()) {
                files.put(t.real(c.path()) + NEW, c.file().get().content());
            }
        }
        files.put(pendingPath(t) + NEW, pending(p.reload()));
        files.put(manifestPath(t) + NEW, p.newManifest().format(t.server()));
        files.put(journalPath(t) + NEW, commitJournal(t, p).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static Map<String, byte[]> stagedRollback(ApplyTarget t, Plan p) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(pendingPath(t) + NEW, pending(p.reload()));
        files.put(journalPath(t) + NEW, rollbackJournal(t, p).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static byte[] pending(Collection<ServiceKind> services) {
        return services.stream().sorted().map(k -> k.label() + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
    }

    /** Extracts the staged files on the server (real absolute paths, so relative to /). */
    static final String UPLOAD = "tar -x --no-same-owner -f - -C /";

    /** The commit point: staged data is flushed, then the journal goes live in one rename and runs. */
    static String commit(ApplyTarget t) {
        String j = q(journalPath(t));
        return "sync; mv -f " + q(journalPath(t) + NEW) + " " + j + " && sh " + j + " </dev/null >/dev/null 2>&1";
    }

    /** Removes staged files listed on stdin (one real path a line), after a failed check. */
    static final String DISCARD = "tr '\\n' '\\0' | xargs -0 -r rm -f --";

    static byte[] discardList(Map<String, byte[]> staged) {
        return staged.keySet().stream().map(k -> k + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey().substring(1));
                entry.setSize(e.getValue().length);
                entry.setMode(0100644);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
