package dev.netgen.initrd;

import dev.netgen.core.NetgenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The modules of one kernel, {@code <sysroot>/lib/modules/<kernel-version>}, indexed by module name.
 * Debian ships no {@code modules.dep} in the package, so everything comes from the {@code .ko} files
 * themselves and {@code modules.builtin}; no depmod or System.map is needed.
 */
public final class ModuleTree {
    private final Path dir;
    private final TreeMap<String, String> files;
    private final Set<String> builtin;
    private final Map<String, ModuleInfo> infos = new ConcurrentHashMap<>();
    private volatile List<Map.Entry<String, String>> aliasIndex;

    private ModuleTree(Path dir, TreeMap<String, String> files, Set<String> builtin) {
        this.dir = dir;
        this.files = files;
        this.builtin = builtin;
    }

    /** Indexes {@code <sysroot>/lib/modules/<kernelVersion>}; a missing directory is a clear error. */
    public static ModuleTree open(Path sysroot, String kernelVersion) {
        Path dir = sysroot.resolve("lib/modules").resolve(kernelVersion);
        if (!Files.isDirectory(dir)) {
            throw NetgenException.usage("no kernel modules for " + kernelVersion + " in " + dir
                    + ": pass --sysroot with a root that has them, or unpack the kernel package there"
                    + " (apt-get download linux-image-" + kernelVersion + " && dpkg -x linux-image-" + kernelVersion + "_*.deb DIR)");
        }
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> moduleNameOf(p.getFileName().toString()) != null && Files.isRegularFile(p))
                    .sorted()
                    .forEach(p -> files.putIfAbsent(moduleNameOf(p.getFileName().toString()), dir.relativize(p).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        Set<String> builtin = new HashSet<>();
        Path builtinList = dir.resolve("modules.builtin");
        if (Files.isRegularFile(builtinList)) {
            try {
                for (String line : Files.readAllLines(builtinList)) {
                    String base = line.substring(line.lastIndexOf('/') + 1).strip();
                    String name = moduleNameOf(base);
                    if (name != null) {
                        builtin.add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + builtinList, e);
            }
        }
        return new ModuleTree(dir, files, builtin);
    }

    /** {@code e1000e.ko.xz} -> {@code e1000e}; null for a file that is not a module. */
    static String moduleNameOf(String fileName) {
        for (String ext : new String[] {".ko", ".ko.gz", ".ko.xz", ".ko.zst"}) {
            if (fileName.endsWith(ext)) {
                return ModuleInfo.normalize(fileName.substring(0, fileName.length() - ext.length()));
            }
        }
        return null;
    }

    public Path directory() {
        return dir;
    }

    public boolean has(String name) {
        return files.containsKey(ModuleInfo.normalize(name));
    }

    public boolean isBuiltin(String name) {
        return builtin.contains(ModuleInfo.normalize(name));
    }

    /**
     * Where the module goes in the initramfs, relative to the module directory; compressed modules are
     * stored decompressed so busybox insmod needs no decompressor.
     */
    public String installPath(String name) {
        String rel = sourcePath(name);
        return rel.endsWith(".ko.gz") ? rel.substring(0, rel.length() - 3) : rel;
    }

    private String sourcePath(String name) {
        String rel = files.get(ModuleInfo.normalize(name));
        if (rel == null) {
            throw new IllegalArgumentException("no module " + name + " in " + dir);
        }
        return rel;
    }

    public ModuleInfo info(String name) {
        String key = ModuleInfo.normalize(name);
        return infos.computeIfAbsent(key, k -> ModuleInfo.read(ByteBuffer.wrap(contents(k)), k, dir.resolve(sourcePath(k)).toString()));
    }

    /** The module's ELF bytes, decompressed if needed. */
    public byte[] contents(String name) {
        String rel = sourcePath(name);
        Path file = dir.resolve(rel);
        if (rel.endsWith(".ko.xz") || rel.endsWith(".ko.zst")) {
            String tool = rel.endsWith(".xz") ? "xz -d" : "zstd -d --rm";
            throw NetgenException.usage("module " + file + " is compressed with " + (rel.endsWith(".xz") ? "xz" : "zstd")
                    + ", which netgen does not read (it reads .ko and .ko.gz): decompress the module tree first,"
                    + " e.g. find " + dir + " -name '*" + rel.substring(rel.indexOf(".ko")) + "' -exec " + tool + " {} +");
        }
        try {
            if (rel.endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Modules whose {@code alias=} patterns match {@code alias} (as modprobe resolves a name that is not
     * a module, e.g. the softdep {@code crypto-crc32c}). Reads every module's .modinfo once, lazily:
     * most builds never need it.
     */
    public List<String> modulesMatchingAlias(String alias) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> e : aliasIndex()) {
            if (Glob.matches(e.getKey(), alias) && !found.contains(e.getValue())) {
                found.add(e.getValue());
            }
        }
        return found;
    }

    private List<Map.Entry<String, String>> aliasIndex() {
        List<Map.Entry<String, String>> index = aliasIndex;
        if (index == null) {
            index = files.keySet().parallelStream()
                    .filter(n -> !files.get(n).endsWith(".xz") && !files.get(n).endsWith(".zst"))
                    .flatMap(n -> modinfoAliases(n).stream().map(a -> Map.entry(a, n)))
                    .sorted(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            aliasIndex = index;
        }
        return index;
    }

    /** Aliases only, read through a mapping so the full scan does not copy 4000 modules into the heap. */
    private List<String> modinfoAliases(String name) {
        ModuleInfo cached = infos.get(name);
        if (cached != null) {
            return cached.aliases();
        }
        Path file = dir.resolve(files.get(name));
        if (file.toString().endsWith(".gz")) {
            return info(name).aliases();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            return ModuleInfo.read(map, name, file.toString()).aliases();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
