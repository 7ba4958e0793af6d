package dev.netgen.initrd;

import java.util.List;
import java.util.Map;

/**
 * The modules that go into an initramfs, closed under their dependencies.
 *
 * @param loadOrder every module, each after everything it needs (a topological order)
 * @param needs     per module, everything it transitively needs first (hard depends and softdep pre:),
 *                  in {@code modules.dep} order: the last entry is loaded first
 * @param post      per module, its softdep {@code post:} modules (included, but busybox modprobe cannot load them after)
 * @param builtin   requested names that the kernel has built in, so nothing needs loading
 */
public record ModuleSet(List<String> loadOrder, Map<String, List<String>> needs, Map<String, List<String>> post, List<String> builtin) {
    public ModuleSet {
        loadOrder = List.copyOf(loadOrder);
        needs = Map.copyOf(needs);
        post = Map.copyOf(post);
        builtin = List.copyOf(builtin);
    }
}
