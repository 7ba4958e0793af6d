package dev.netgen.apply;

/** Opens the transport a target names: ssh when it has a destination, this machine otherwise. */
final class Remotes {
    private Remotes() {
    }

    static Remote open(ApplyTarget t, SshSettings ssh) {
        return t.ssh().<Remote>map(dest -> SshRemote.connect(dest, ssh)).orElseGet(() -> new LocalRemote(ssh.commandTimeout()));
    }
}
