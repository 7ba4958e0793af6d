package dev.netgen.initrd;

import java.nio.file.Path;
import java.util.List;

/** What a build produced, for the command's summary line. */
public record InitramfsResult(Path output, long bytes, Path busybox, List<String> modules, List<String> builtin) {
    public InitramfsResult {
        modules = List.copyOf(modules);
        builtin = List.copyOf(builtin);
    }
}
