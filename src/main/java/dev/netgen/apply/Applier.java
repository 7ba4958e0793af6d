package dev.netgen.apply;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies one server: plan by content hash, stage beside the targets, check with the daemons' own
 * tools, swap through the journal (see {@link Transaction}), reload the affected services and verify
 * they run; on a failure after the swap, swap back and restore the services. Throws an apply failure
 * whose message says which step failed and in what state the server was left.
 */
final class Applier {
    private static final java.util.regex.Pattern LOCATED = java.util.regex.Pattern.compile("\\bline \\d+");

    /** Progress lists this many changes per server; stdout of --dry-run has them all. */
    private static final int PROGRESS_LIMIT = 40;

    private final ApplyTarget t;
    private final Remote remote;
    private final Progress progress;

    Applier(ApplyTarget target, Remote remote, Progress progress) {
        this.t = target;
        this.remote = remote;
        this.progress = progress;
    }

    /** Reads the live state and plans; replays an interrupted swap's journal first when {@code recover}. */
    Plan plan(boolean recover) throws IOException {
        List<LocalFile> wanted = RenderedTree.read(t);
        ServerState state = ServerProbe.read(remote, t, wanted.stream().map(LocalFile::serverPath).toList(), recover);
        if (state.recovered()) {
            progress.step(t.server(), "finished the file swap of an interrupted apply (replayed its journal)");
        }
        if (!state.pending().isEmpty()) {
            progress.step(t.server(), "an earlier apply did not finish reloading: " + labels(state.pending()));
        }
        return Planner.plan(t, wanted, state, paths -> ServerProbe.firstLines(remote, t, paths));
    }

    ServerResult apply(boolean dryRun, PrintWriter out) throws IOException {
        Plan plan = plan(!dryRun);
        progress.step(t.server(), "plan: " + plan.summary());
        plan.changes().stream().limit(PROGRESS_LIMIT).forEach(c -> progress.step(t.server(), "  " + c.describe()));
        if (plan.changes().size() > PROGRESS_LIMIT) {
            progress.step(t.server(), "  ... and " + (plan.changes().size() - PROGRESS_LIMIT) + " more (--dry-run lists them all)");
        }
        if (dryRun) {
            out.println("# " + t.server() + " (" + remote.describe() + "): " + plan.summary());
            plan.changes().forEach(c -> out.println(c.describe()));
            plan.foreign().forEach(f -> out.println("refuse " + f + " (not written by netgen)"));
        }
        if (!plan.foreign().isEmpty()) {
            throw Planner.refusal(plan);
        }
        checkLocally(plan);
        if (dryRun) {
            return new ServerResult(t.server(), ServerResult.Status.PLANNED, plan.summary());
        }
        if (plan.nothingToDo()) {
            return new ServerResult(t.server(), ServerResult.Status.UNCHANGED, plan.unchanged() + " files up to date, nothing reloaded");
        }
        if (!plan.changes().isEmpty()) {
            Map<String, byte[]> staged = Transaction.staged(t, plan);
            try {
                upload(staged, "upload " + plan.changes().stream().filter(c -> c.file().isPresent()).count() + " files");
                checkOnServer(plan, staged);
            } catch (IOException e) {
                throw failed(e.getMessage() + " before any file was swapped; the live files were not changed", e);
            }
            progress.step(t.server(), "swap " + plan.changes().size() + " files into place");
            try {
                mustRun(Transaction.commit(t), "swap");
            } catch (IOException e) {
                throw failed("the connection was lost while swapping files (" + e.getMessage() + "); the server finishes or replays the "
                        + "swap by itself: run netgen apply again to reload the services", e);
            }
        }
        try {
            String failure = reloadAndVerify(plan.reload());
            if (failure != null) {
                rollback(plan, failure);
            }
            run("rm -f " + ShellQuote.quote(Transaction.pendingPath(t)));
        } catch (IOException e) {
            throw failed(e.getMessage() + " after the new files were swapped in; run netgen apply again: it redoes the reloads of "
                    + labels(plan.reload()) + " (recorded on the server) and rolls back if they fail", e);
        }
        List<String> notes = new ArrayList<>();
        notes.add(plan.count(Change.Action.CREATE) + " created, " + plan.count(Change.Action.UPDATE) + " updated, "
                + plan.count(Change.Action.DELETE) + " deleted");
        notes.add("reloaded " + (plan.reload().isEmpty() ? "nothing" : labels(plan.reload())));
        plan.changes().stream().filter(Change::handEdited).forEach(c -> notes.add("overwrote a hand edit of " + c.path()));
        return new ServerResult(t.server(), ServerResult.Status.APPLIED, String.join("; ", notes));
    }

    private void checkLocally(Plan plan) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Change c : plan.changes()) {
            if (c.file().isPresent() && c.service().isPresent()) {
                problems.addAll(ConfigChecks.check(c.service().get(), c.path(), c.file().get().content()));
            }
        }
        if (!problems.isEmpty()) {
            throw failed("the new configuration is invalid, nothing was changed: " + String.join("; ", problems), null);
        }
    }

    private void upload(Map<String, byte[]> staged, String what) throws IOException {
        byte[] tar = Transaction.tar(staged);
        progress.step(t.server(), what + " (" + (tar.length + 1023) / 1024 + " KiB)");
        ProcessRunner.Result r = remote.run(Transaction.UPLOAD, tar);
        if (!r.ok()) {
            throw failed("upload failed, the live files were not changed: " + SshRemote.lastLine(r.stderr()), null);
        }
    }

    private void checkOnServer(Plan plan, Map<String, byte[]> staged) throws IOException {
        for (Change c : plan.changes()) {
            if (c.file().isEmpty() || c.service().isEmpty()) {
                continue;
            }
            ServiceCommands cmds = t.services().of(c.service().get());
            String cmd = cmds.checkFor(t.real(c.path()) + Transaction.NEW);
            String what = cmd;
            if (c.service().get() == ServiceKind.TFTP) {
                String needs = ConfigChecks.xinetdOnServer(t, c.path(), c.file().get().content());
                what = "the xinetd service's server program and TFTP root exist" + (cmd.isBlank() ? "" : "; " + cmd);
                cmd = needs + cmd;
            }
            if (cmd.isBlank()) {
                continue;
            }
            progress.step(t.server(), "check " + c.service().get().label() + ": " + what);
            ProcessRunner.Result r = remote.run(captured(cmd), null);
            if (!r.ok()) {
                remote.run(Transaction.DISCARD, Transaction.discardList(staged));
                throw failed(c.service().get().label() + " check rejected the new " + c.path() + ", the live files were not changed: "
                        + tail(r.out()), null);
            }
        }
    }

    /** Returns what failed, or null when every service was reloaded and runs. */
    private String reloadAndVerify(Set<ServiceKind> services) throws IOException {
        for (ServiceKind k : new TreeSet<>(services)) {
            ServiceCommands cmds = t.services().of(k);
            progress.step(t.server(), "reload " + k.label() + ": " + cmds.reload());
            ProcessRunner.Result r = remote.run(captured(cmds.reload()), null);
            if (!r.ok()) {
                return "reloading " + k.label() + " failed (" + cmds.reload() + "): " + tail(r.out());
            }
        }
        for (ServiceKind k : new TreeSet<>(services)) {
            ServiceCommands cmds = t.services().of(k);
            progress.step(t.server(), "verify " + k.label() + " runs: " + cmds.isRunning());
            ProcessRunner.Result r = remote.run(captured(cmds.isRunning()), null);
            if (!r.ok()) {
                return k.label() + " is not running after the reload (" + cmds.isRunning() + " said: " + tail(r.out()) + ")";
            }
        }
        return null;
    }

    private void rollback(Plan plan, String failure) throws IOException {
        if (plan.changes().isEmpty()) {
            throw failed(failure + "; this run changed no file, so nothing was restored: the files in place were swapped in by an "
                    + "earlier, interrupted apply (their previous versions are beside them as *" + Transaction.OLD + ")", null);
        }
        progress.step(t.server(), "FAILED: " + failure + "; restoring the previous files");
        upload(Transaction.stagedRollback(t, plan), "upload rollback journal");
        mustRun(Transaction.commit(t), "restore");
        String again = reloadAndVerify(plan.reload());
        if (again != null) {
            throw failed(failure + "; restored the previous files, but the services did not come back: " + again, null);
        }
        run("rm -f " + ShellQuote.quote(Transaction.pendingPath(t)));
        throw failed(failure + "; restored the previous files and services", null);
    }

    private void mustRun(String script, String step) throws IOException {
        ProcessRunner.Result r = remote.run(script, null);
        if (!r.ok()) {
            throw failed(step + " failed on the server (exit " + r.exit() + "): " + SshRemote.lastLine(r.stderr())
                    + "; its journal " + Transaction.journalPath(t) + " is replayed by the next apply", null);
        }
    }

    private void run(String script) throws IOException {
        mustRun(script, "cleanup");
    }

    private NetgenException failed(String message, Throwable cause) {
        return NetgenException.applyFailed("apply to " + t.server() + " (" + remote.describe() + ") failed: " + message, cause);
    }

    /** A configured command with all of its output on stdout, however many commands it chains. */
    private static String captured(String command) {
        return "{ " + command + "\n} 2>&1";
    }

    static String labels(Set<ServiceKind> services) {
        return String.join(", ", new TreeSet<>(services).stream().map(ServiceKind::label).toList());
    }

    /**
     * The useful part of a failed command's output: lines naming a line number (dhcpd's errors, without its
     * banner and bug-report trailer), else the first lines.
     */
    static String tail(String output) {
        List<String> all = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> located = all.stream().filter(l -> LOCATED.matcher(l).find()).limit(3).toList();
        List<String> lines = located.isEmpty() ? all.stream().limit(3).toList() : located;
        return lines.isEmpty() ? "no output" : String.join(" | ", lines);
    }
}
