package dev.netgen.initrd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real kmod tools' view of a module tree: depmod runs on a symlink farm in a temp dir (the cached
 * tree stays untouched), and modprobe --show-depends answers from the files depmod wrote.
 */
final class DepmodReference {
    private final Path base;
    private final TestKernel kernel;

    private DepmodReference(Path base, TestKernel kernel) {
        this.base = base;
        this.kernel = kernel;
    }

    static DepmodReference create(TestKernel kernel, Path tmp) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(tmp.resolve("lib/modules").resolve(kernel.version()));
        Files.createSymbolicLink(dir.resolve("kernel"), kernel.moduleDir().resolve("kernel"));
        try (Stream<Path> s = Files.list(kernel.moduleDir())) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("modules.")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Cmd.run(tmp, "depmod", "-b", tmp.toString(), kernel.version());
        return new DepmodReference(tmp, kernel);
    }

    /** Removes the link into the cache, so the temp dir cleanup never looks behind it. */
    void close() throws IOException {
        Files.deleteIfExists(moduleDir().resolve("kernel"));
    }

    Path moduleDir() {
        return base.resolve("lib/modules").resolve(kernel.version());
    }

    /** Module names modprobe would load for {@code names}, softdeps included, in its order. */
    List<String> showDepends(String... names) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("modprobe", "-d", base.toString(), "-S", kernel.version(), "--show-depends", "-a"));
        cmd.addAll(List.of(names));
        Set<String> mods = new LinkedHashSet<>();
        for (String line : Cmd.run(base, cmd.toArray(String[]::new)).split("\n")) {
            if (line.startsWith("insmod ")) {
                String file = Path.of(line.substring(7).strip()).getFileName().toString();
                mods.add(ModuleTree.moduleNameOf(file));
            }
        }
        return List.copyOf(mods);
    }

    /** depmod's modules.dep line for a module path: the paths it needs, in depmod's order. */
    List<String> depLine(String relativePath) throws IOException {
        for (String line : Files.readAllLines(moduleDir().resolve("modules.dep"))) {
            if (line.startsWith(relativePath + ":")) {
                String rest = line.substring(relativePath.length() + 1).strip();
                return rest.isEmpty() ? List.of() : List.of(rest.split(" "));
            }
        }
        throw new AssertionError("depmod wrote no line for " + relativePath);
    }

    /** depmod's alias lines for a module, as "pattern module". */
    List<String> aliases(String module) throws IOException {
        return Files.readAllLines(moduleDir().resolve("modules.alias")).stream()
                .filter(l -> l.startsWith("alias ") && l.endsWith(" " + module))
                .map(l -> l.substring(6)).toList();
    }
}
