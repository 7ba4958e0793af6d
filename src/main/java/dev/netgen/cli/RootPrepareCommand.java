package dev.netgen.cli;

import dev.netgen.root.Change;
import dev.netgen.root.RootPreparer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `netgen root prepare SYSROOT [--dry-run]`: prints each change to stdout, a summary to stderr. */
@Command(name = "prepare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Make an installed systemd root boot read-only over NFS (the HOWTO's mkbootready): /etc/mtab and"
                + " resolv.conf for a read-only /etc, fstab's root entry without fsck, units that cannot work on an NFS"
                + " root masked, package databases kept out of the RAM copy of /var, and a console boot marker.",
                "Idempotent: a second run changes nothing. A replaced file is kept as <file>.netgen-orig."})
final class RootPrepareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SYSROOT", description = "The client root directory (never /).")
    Path sysroot;

    @Option(names = "--dry-run", description = "Print what would change and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        List<Change> changes = new RootPreparer().prepare(sysroot, dryRun);
        changes.forEach(c -> spec.commandLine().getOut().println(c.describe()));
        spec.commandLine().getOut().flush();
        String summary = changes.isEmpty() ? sysroot + " is already prepared: nothing to change"
                : changes.size() + " change(s) " + (dryRun ? "planned for " + sysroot + " (dry run: nothing was changed)" : "made in " + sysroot);
        spec.commandLine().getErr().println("netgen: " + summary);
        return 0;
    }
}
