package dev.netgen.apply;

import java.util.Optional;

/**
 * One file apply changes. {@code file} is absent for a deletion; {@code handEdited} means the live file
 * is owned but no longer what netgen last wrote; {@code adopted} means netgen's marker was found on a
 * file its manifest did not list.
 */
record Change(String path, Action action, Optional<LocalFile> file, boolean handEdited, boolean adopted) {
    enum Action { CREATE, UPDATE, DELETE }

    Optional<ServiceKind> service() {
        return ServiceKind.owning(path);
    }

    String describe() {
        String what = switch (action) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case DELETE -> "delete";
        };
        String note = handEdited ? " (edited by hand on the server: " + (action == Action.DELETE ? "removing" : "overwriting") + " the edit)"
                : adopted ? " (carries netgen's marker but was not in the manifest: adopting it)" : "";
        return what + " " + path + note;
    }
}
