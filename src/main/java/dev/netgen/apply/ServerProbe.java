package dev.netgen.apply;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a server's state with two shell scripts, whatever the number of files (paths go on stdin). */
final class ServerProbe {
    private ServerProbe() {
    }

    /**
     * @param recover replay an interrupted swap's journal first (apply); diff only reports it
     */
    static ServerState read(Remote remote, ApplyTarget t, Collection<String> wanted, boolean recover) throws IOException {
        String state = ShellQuote.quote(t.stateDir() + "/" + t.server());
        String script = "J=" + state + ".journal\n"
                + "if [ -f \"$J\" ]; then\n"
                + (recover
                    ? "  sh \"$J\" </dev/null >/dev/null 2>&1 || { echo \"replaying $J failed\" >&2; exit 3; }\n  echo @recovered\n"
                    : "  echo @journal\n")
                + "fi\n"
                + "echo @manifest; cat " + state + ".manifest 2>/dev/null\n"
                + "echo @pending; cat " + state + ".pending 2>/dev/null\n"
                + "echo @end\n";
        ProcessRunner.Result r = remote.run(script, null);
        if (!r.ok()) {
            throw NetgenException.applyFailed("cannot read netgen's state on " + t.server() + " (" + remote.describe() + "): "
                    + SshRemote.lastLine(r.stderr()), null);
        }
        StringBuilder manifest = new StringBuilder();
        Set<ServiceKind> pending = EnumSet.noneOf(ServiceKind.class);
        boolean journal = false;
        boolean recovered = false;
        String section = "";
        for (String line : r.out().split("\n")) {
            if (line.startsWith("@")) {
                section = line;
                journal |= line.equals("@journal");
                recovered |= line.equals("@recovered");
            } else if (section.equals("@manifest")) {
                manifest.append(line).append('\n');
            } else if (section.equals("@pending") && !line.isBlank()) {
                for (ServiceKind k : ServiceKind.values()) {
                    if (k.label().equals(line.strip())) {
                        pending.add(k);
                    }
                }
            }
        }
        Manifest m;
        try {
            m = Manifest.parse(manifest.toString());
        } catch (IllegalArgumentException e) {
            throw NetgenException.applyFailed("the manifest " + t.stateDir() + "/" + t.server() + ".manifest on " + t.server()
                    + " is damaged (" + e.getMessage() + "): restore it or remove it to let netgen re-adopt its files", null);
        }
        Set<String> paths = new LinkedHashSet<>(wanted);
        paths.addAll(m.hashes().keySet());
        return new ServerState(m, hashes(remote, t, paths), pending, journal, recovered);
    }

    private static Map<String, String> hashes(Remote remote, ApplyTarget t, Collection<String> paths) throws IOException {
        Map<String, String> live = new HashMap<>();
        if (paths.isEmpty()) {
            return live;
        }
        ProcessRunner.Result r = remote.run("tr '\\n' '\\0' | xargs -0 -r sha256sum -- 2>/dev/null; exit 0", lines(t, paths));
        if (!r.ok()) {
            throw NetgenException.applyFailed("cannot hash the live files on " + t.server() + ": " + SshRemote.lastLine(r.stderr()), null);
        }
        String prefix = t.root().equals("/") ? "" : t.root();
        for (String line : r.out().split("\n")) {
            if (line.length() > 66 && line.charAt(64) == ' ') {
                String real = line.substring(66);
                live.put(real.substring(prefix.length()), line.substring(0, 64));
            }
        }
        return live;
    }

    /** The first line of each file, to recognise files netgen wrote that the manifest does not list. */
    static Map<String, String> firstLines(Remote remote, ApplyTarget t, List<String> paths) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (paths.isEmpty()) {
            return out;
        }
        ProcessRunner.Result r = remote.run("while IFS= read -r f; do printf '%s\\t%s\\n' \"$f\" \"$(head -n1 -- \"$f\" | tr -d '\\t')\"; done",
                lines(t, paths));
        String prefix = t.root().equals("/") ? "" : t.root();
        for (String line : r.out().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                out.put(line.substring(prefix.length(), tab), line.substring(tab + 1));
            }
        }
        return out;
    }

    private static byte[] lines(ApplyTarget t, Collection<String> serverPaths) {
        StringBuilder sb = new StringBuilder();
        serverPaths.forEach(p -> sb.append(t.real(p)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
