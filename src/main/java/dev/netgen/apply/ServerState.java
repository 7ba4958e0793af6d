package dev.netgen.apply;

import java.util.Map;
import java.util.Set;

/**
 * What is live on a server: the manifest of owned files, the hash of every file apply cares about
 * (absent = missing), services a previous apply swapped files for but did not finish reloading, and
 * whether an interrupted swap was found ({@code journal}) or replayed ({@code recovered}).
 */
record ServerState(Manifest manifest, Map<String, String> live, Set<ServiceKind> pending, boolean journal, boolean recovered) {
    ServerState {
        live = Map.copyOf(live);
        pending = Set.copyOf(pending);
    }
}
