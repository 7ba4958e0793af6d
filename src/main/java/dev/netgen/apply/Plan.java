package dev.netgen.apply;

import java.util.List;
import java.util.Set;

/**
 * What apply would do on one server: the changed files, how many are already right, the services to
 * reload, and the manifest to leave behind. {@code hadManifest} says whether the server had one;
 * {@code foreign} lists live files netgen would have to overwrite but did not write (apply refuses them).
 */
record Plan(String server, List<Change> changes, int unchanged, Set<ServiceKind> reload, Manifest newManifest, boolean hadManifest,
        List<String> foreign) {
    Plan {
        changes = List.copyOf(changes);
        reload = Set.copyOf(reload);
        foreign = List.copyOf(foreign);
    }

    boolean nothingToDo() {
        return changes.isEmpty() && reload.isEmpty();
    }

    long count(Change.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    String summary() {
        return count(Change.Action.CREATE) + " to create, " + count(Change.Action.UPDATE) + " to update, "
                + count(Change.Action.DELETE) + " to delete, " + unchanged + " unchanged; reload "
                + (reload.isEmpty() ? "nothing" : String.join(", ", reload.stream().sorted().map(ServiceKind::label).toList()));
    }
}
