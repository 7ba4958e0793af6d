package dev.netgen.root;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine's own apt sources, handed to mmdebstrap as mirror files so a root is built from the same
 * mirrors (and proxies or snapshots) the machine already uses.
 */
final class AptSources {
    private final Path etc;

    AptSources(Path etc) {
        this.etc = etc;
    }

    static AptSources host() {
        return new AptSources(Path.of("/etc"));
    }

    /** The machine's release code name (VERSION_CODENAME in os-release), if it has one. */
    Optional<String> codename() {
        Path osRelease = etc.resolve("os-release");
        if (!Files.isReadable(osRelease)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(osRelease)) {
            return lines.filter(l -> l.startsWith("VERSION_CODENAME="))
                    .map(l -> l.substring("VERSION_CODENAME=".length()).replace("\"", "").strip())
                    .filter(s -> !s.isEmpty()).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source files to pass as mirrors for {@code suite}: the machine's when the suite is the machine's
     * own release, otherwise none (mmdebstrap then uses deb.debian.org, because the machine's files name
     * another release).
     */
    List<Path> mirrorsFor(String suite) {
        if (!codename().filter(suite::equals).isPresent()) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        Path list = etc.resolve("apt/sources.list");
        if (hasEntries(list)) {
            files.add(list);
        }
        Path dir = etc.resolve("apt/sources.list.d");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".list") || p.toString().endsWith(".sources"))
                        .filter(AptSources::hasEntries).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(files);
    }

    private static boolean hasEntries(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
