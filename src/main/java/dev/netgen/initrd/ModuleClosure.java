package dev.netgen.initrd;

import dev.netgen.core.NetgenException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Closes a list of wanted modules under {@code depends=} and {@code softdep=} as modprobe would, so the
 * initramfs carries everything busybox modprobe has to load. Softdep {@code pre:} modules become hard
 * dependencies in the result, because busybox modprobe ignores softdeps (ext4 needs crc32c first).
 */
public final class ModuleClosure {
    private final ModuleTree tree;
    private final List<String> loadOrder = new ArrayList<>();
    private final Map<String, List<String>> direct = new HashMap<>();
    private final Map<String, List<String>> post = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();
    private final Set<String> builtin = new TreeSet<>();

    private ModuleClosure(ModuleTree tree) {
        this.tree = tree;
    }

    /**
     * Resolves {@code wanted} (module names or aliases, '-' and '_' alike). Names that are built into
     * the kernel are skipped; a name that is neither a module, built in, nor an alias is an error.
     */
    public static ModuleSet resolve(ModuleTree tree, Collection<String> wanted) {
        ModuleClosure c = new ModuleClosure(tree);
        Set<String> missing = new TreeSet<>();
        for (String w : new TreeSet<>(wanted)) {
            List<String> mods = c.lookup(w);
            if (mods == null) {
                missing.add(w);
            } else {
                mods.forEach(c::visit);
            }
        }
        if (!missing.isEmpty()) {
            throw NetgenException.usage("kernel module" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " not found in " + tree.directory() + " (neither a .ko file, built in per modules.builtin, nor an alias):"
                    + " check the image's modules list and kernel-version, or pass --sysroot with that kernel's modules");
        }
        return c.result();
    }

    /** The modules a name stands for: itself, nothing if built in, or the modules an alias matches; null if none. */
    private List<String> lookup(String raw) {
        String name = ModuleInfo.normalize(raw.strip());
        if (tree.has(name)) {
            return List.of(name);
        }
        if (tree.isBuiltin(name)) {
            builtin.add(name);
            return List.of();
        }
        List<String> byAlias = tree.modulesMatchingAlias(raw.strip());
        if (byAlias.isEmpty()) {
            return null;
        }
        // An alias such as crypto-crc32c matches the generic and the CPU-specific driver. busybox aborts
        // when a dependency fails to load (crc32c_intel does on CPUs without SSE4.2), so the generic one
        // alone is the safe choice; the kernel can still request the faster one later.
        List<String> generic = byAlias.stream().filter(m -> m.endsWith("_generic")).toList();
        return generic.isEmpty() ? byAlias : generic;
    }

    private void visit(String name) {
        if (direct.containsKey(name) || visiting.contains(name)) {
            return; // done, or a softdep cycle (hard dependencies cannot form one)
        }
        visiting.add(name);
        ModuleInfo info = tree.info(name);
        Set<String> needs = new LinkedHashSet<>();
        for (String d : info.depends()) {
            List<String> mods = lookup(d);
            if (mods == null) {
                throw NetgenException.usage("module " + name + " depends on " + d + ", which is not in " + tree.directory()
                        + ": the module tree is incomplete; unpack the whole kernel package");
            }
            needs.addAll(mods);
        }
        for (String d : info.pre()) {
            List<String> mods = lookup(d);
            if (mods != null) { // modprobe, too, ignores a softdep it cannot find
                needs.addAll(mods);
            }
        }
        for (String d : needs) {
            visit(d);
        }
        needs.removeIf(d -> visiting.contains(d)); // drop the back edge of a softdep cycle
        List<String> after = new ArrayList<>();
        for (String d : info.post()) {
            List<String> mods = lookup(d);
            if (mods != null) {
                after.addAll(mods);
            }
        }
        visiting.remove(name);
        direct.put(name, List.copyOf(needs));
        loadOrder.add(name);
        post.put(name, List.copyOf(after));
        after.forEach(this::visit);
    }

    private ModuleSet result() {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < loadOrder.size(); i++) {
            position.put(loadOrder.get(i), i);
        }
        Map<String, List<String>> needs = new HashMap<>();
        for (String m : loadOrder) {
            Set<String> all = new HashSet<>();
            collect(m, all);
            all.remove(m);
            // modules.dep lists the module loaded last first; busybox and kmod load from the end.
            needs.put(m, all.stream().sorted((a, b) -> position.get(b) - position.get(a)).toList());
        }
        return new ModuleSet(loadOrder, needs, post, List.copyOf(builtin));
    }

    private void collect(String m, Set<String> into) {
        if (into.add(m)) {
            direct.get(m).forEach(d -> collect(d, into));
        }
    }
}
