package dev.netgen.apply;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code netgen apply} and {@code netgen diff} for a list of servers. Servers are independent: one
 * failing does not stop the others, and the run fails (exit 5) at the end naming each failure.
 */
public final class ApplyService {
    private final SshSettings ssh;

    public ApplyService(SshSettings ssh) {
        this.ssh = ssh;
    }

    /** Applies (or with {@code dryRun} only plans) every target; the plan/summary goes to {@code out}. */
    public List<ServerResult> apply(List<ApplyTarget> targets, boolean dryRun, PrintWriter out, PrintWriter err) {
        Progress progress = new Progress(err);
        List<ServerResult> results = new ArrayList<>();
        for (ApplyTarget t : targets) {
            progress.step(t.server(), "connect " + t.ssh().orElse("local"));
            try (Remote remote = Remotes.open(t, ssh); ServerLock lock = dryRun ? null : ServerLock.acquire(remote, t, ssh.connectTimeout())) {
                results.add(new Applier(t, remote, progress).apply(dryRun, out));
            } catch (NetgenException e) {
                progress.step(t.server(), "failed (the summary says why)");
                results.add(new ServerResult(t.server(), ServerResult.Status.FAILED, e.getMessage()));
            } catch (IOException e) {
                String msg = "apply to " + t.server() + " failed: " + e.getMessage();
                progress.step(t.server(), "failed (the summary says why)");
                results.add(new ServerResult(t.server(), ServerResult.Status.FAILED, msg));
            }
        }
        if (!dryRun) {
            results.forEach(r -> out.println(r.line()));
        }
        out.flush();
        List<ServerResult> failed = results.stream().filter(r -> r.status() == ServerResult.Status.FAILED).toList();
        if (failed.size() == 1) {
            throw NetgenException.applyFailed(failed.get(0).detail(), null);
        } else if (!failed.isEmpty()) {
            throw NetgenException.applyFailed("apply failed on " + failed.size() + " of " + results.size() + " servers: "
                    + String.join("; ", failed.stream().map(ServerResult::detail).toList()), null);
        }
        return results;
    }

    /** Prints the unified diff of every target; returns whether anything differs. Unreachable servers fail the run at the end. */
    public boolean diff(List<ApplyTarget> targets, PrintWriter out, PrintWriter err) {
        Progress progress = new Progress(err);
        boolean differs = false;
        List<String> failed = new ArrayList<>();
        for (ApplyTarget t : targets) {
            progress.step(t.server(), "connect " + t.ssh().orElse("local"));
            try (Remote remote = Remotes.open(t, ssh)) {
                differs |= new Differ(t, remote).diff(out);
            } catch (NetgenException e) {
                progress.step(t.server(), "failed (see the end)");
                failed.add(e.getMessage());
            } catch (IOException e) {
                progress.step(t.server(), "failed (see the end)");
                failed.add("diff of " + t.server() + " failed: " + e.getMessage());
            }
        }
        out.flush();
        if (!failed.isEmpty()) {
            throw NetgenException.applyFailed(String.join("; ", failed), null);
        }
        return differs;
    }
}
