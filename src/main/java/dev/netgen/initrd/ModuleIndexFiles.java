package dev.netgen.initrd;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the index files busybox modprobe reads from {@code /lib/modules/<kver>}: {@code modules.dep}
 * (module path, colon, the paths it needs with the one to load first last) and {@code modules.alias}
 * ({@code alias <pattern> <module>}, for modalias autoload). {@code modules.softdep} records the soft
 * dependencies for kmod's modprobe, should the real root's modprobe ever read this tree.
 */
final class ModuleIndexFiles {
    private ModuleIndexFiles() {
    }

    static byte[] modulesDep(ModuleTree tree, ModuleSet set) {
        StringBuilder sb = new StringBuilder();
        for (String m : sortedByPath(tree, set.loadOrder())) {
            sb.append(tree.installPath(m)).append(':');
            for (String d : set.needs().get(m)) {
                sb.append(' ').append(tree.installPath(d));
            }
            sb.append('\n');
        }
        return bytes(sb);
    }

    static byte[] modulesAlias(ModuleTree tree, ModuleSet set) {
        StringBuilder sb = new StringBuilder("# Aliases extracted from modules themselves.\n");
        for (String m : set.loadOrder().stream().sorted().toList()) {
            for (String alias : tree.info(m).aliases()) {
                sb.append("alias ").append(alias).append(' ').append(m).append('\n');
            }
        }
        return bytes(sb);
    }

    static byte[] modulesSoftdep(ModuleTree tree, ModuleSet set) {
        StringBuilder sb = new StringBuilder("# Soft dependencies extracted from modules themselves.\n");
        for (String m : set.loadOrder().stream().sorted().toList()) {
            ModuleInfo info = tree.info(m);
            if (info.pre().isEmpty() && info.post().isEmpty()) {
                continue;
            }
            sb.append("softdep ").append(m);
            if (!info.pre().isEmpty()) {
                sb.append(" pre: ").append(String.join(" ", info.pre()));
            }
            if (!info.post().isEmpty()) {
                sb.append(" post: ").append(String.join(" ", info.post()));
            }
            sb.append('\n');
        }
        return bytes(sb);
    }

    private static List<String> sortedByPath(ModuleTree tree, List<String> modules) {
        return modules.stream().sorted(Comparator.comparing(tree::installPath)).toList();
    }

    private static byte[] bytes(StringBuilder sb) {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
