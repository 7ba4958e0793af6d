package dev.netgen.apply;

import dev.netgen.core.NetgenException;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Server;
import dev.netgen.render.RenderService;
import dev.netgen.render.RenderedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the inventory into apply targets: each selected server's files are rendered afresh (so apply
 * always pushes what the inventory says, whatever state out/ is in) into a private directory, joined by
 * the built artifacts netgen render does not produce (kernels, initramfs images) found under
 * {@code <output>/<server>/}. The only place apply meets the inventory model.
 */
public final class InventoryTargets implements AutoCloseable {
    private final Path dir;
    private final List<ApplyTarget> targets;

    private InventoryTargets(Path dir, List<ApplyTarget> targets) {
        this.dir = dir;
        this.targets = targets;
    }

    public List<ApplyTarget> targets() {
        return targets;
    }

    /**
     * @param names servers to apply; empty = all of them
     */
    public static InventoryTargets prepare(Path inventory, Path output, List<String> names) {
        Inventory inv = RenderService.load(inventory);
        for (String n : names) {
            if (!inv.servers().containsKey(n)) {
                throw NetgenException.usage("no server '" + n + "' in the inventory; its servers are: " + String.join(", ", inv.servers().keySet()));
            }
        }
        List<RenderedFile> files = RenderService.render(inv, Optional.empty());
        Path dir;
        try {
            dir = Files.createTempDirectory("netgen-apply");
        } catch (IOException e) {
            throw NetgenException.internal("cannot create a temporary directory: " + e.getMessage(), e);
        }
        try {
            List<ApplyTarget> targets = new ArrayList<>();
            for (Server s : inv.servers().values()) {
                if (!names.isEmpty() && !names.contains(s.name())) {
                    continue;
                }
                Path root = Files.createDirectories(dir.resolve(s.name()));
                for (RenderedFile f : files) {
                    if (f.path().startsWith(s.name() + "/")) {
                        Path p = dir.resolve(f.path());
                        Files.createDirectories(p.getParent());
                        Files.write(p, f.content());
                    }
                }
                linkArtifacts(output.resolve(s.name()), root);
                targets.add(ApplyTarget.of(s.name(), s.ssh().map(Object::toString).orElse(null), root, s.tftpRoot(),
                        ServiceSettings.systemd().with(s.services())));
            }
            return new InventoryTargets(dir, targets);
        } catch (IOException e) {
            delete(dir);
            throw NetgenException.internal("cannot prepare the files to apply in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Links files under {@code built} that netgen did not generate (no marker) into {@code root}. */
    private static void linkArtifacts(Path built, Path root) throws IOException {
        if (!Files.isDirectory(built)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(built)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path to = root.resolve(built.relativize(p).toString());
                if (!Files.exists(to) && !generated(p)) {
                    Files.createDirectories(to.getParent());
                    Files.createSymbolicLink(to, p.toAbsolutePath());
                }
            }
        }
    }

    private static boolean generated(Path p) throws IOException {
        byte[] head = new byte[256];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.UTF_8).contains(RenderedFile.MARKER);
    }

    @Override
    public void close() {
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
