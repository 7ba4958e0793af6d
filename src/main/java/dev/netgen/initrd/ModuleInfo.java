package dev.netgen.initrd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a kernel module's {@code .modinfo} section says about loading it: its hard dependencies
 * ({@code depends=}), soft dependencies ({@code softdep=pre: ... post: ...}) and the device aliases
 * that modalias autoload matches against.
 *
 * @param name    module name with '-' normalised to '_' (as the kernel and modprobe do)
 * @param depends hard dependencies, normalised, in the order the module lists them
 * @param pre     soft dependencies to load before this module (module names or aliases, as written)
 * @param post    soft dependencies to load after this module
 * @param aliases alias patterns (fnmatch globs such as {@code pci:v00008086d0000100E*})
 */
public record ModuleInfo(String name, List<String> depends, List<String> pre, List<String> post, List<String> aliases) {
    public ModuleInfo {
        depends = List.copyOf(depends);
        pre = List.copyOf(pre);
        post = List.copyOf(post);
        aliases = List.copyOf(aliases);
    }

    /** Module names treat '-' and '_' alike; this is the one spelling netgen compares. */
    public static String normalize(String moduleName) {
        return moduleName.replace('-', '_');
    }

    /**
     * Reads the {@code .modinfo} section of an uncompressed module. {@code fallbackName} (from the file
     * name) is used when the section has no {@code name=} key, as in older kernels.
     */
    public static ModuleInfo read(ByteBuffer elfBytes, String fallbackName, String what) {
        ByteBuffer modinfo = ElfFile.parse(elfBytes, what).section(".modinfo")
                .orElseThrow(() -> new IllegalArgumentException(what + " has no .modinfo section: not a kernel module"));
        byte[] raw = new byte[modinfo.remaining()];
        modinfo.get(raw);
        String name = null;
        List<String> depends = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        List<String> post = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = entry.substring(0, eq);
            String value = entry.substring(eq + 1);
            switch (key) {
                case "name" -> name = value;
                case "depends" -> {
                    for (String d : value.split(",")) {
                        if (!d.isBlank()) {
                            depends.add(normalize(d.strip()));
                        }
                    }
                }
                case "softdep" -> parseSoftdep(value, pre, post);
                case "alias" -> aliases.add(value);
                default -> {
                    // license, firmware, parm, vermagic ...: not needed to load the module
                }
            }
        }
        return new ModuleInfo(normalize(name != null ? name : fallbackName), depends, pre, post, aliases);
    }

    /** {@code "pre: a b post: c"}, as modprobe.d(5) defines it; several softdep= keys accumulate. */
    static void parseSoftdep(String value, List<String> pre, List<String> post) {
        List<String> target = null;
        for (String token : value.trim().split("\\s+")) {
            if (token.equals("pre:")) {
                target = pre;
            } else if (token.equals("post:")) {
                target = post;
            } else if (!token.isEmpty() && target != null) {
                target.add(token);
            }
        }
    }
}
