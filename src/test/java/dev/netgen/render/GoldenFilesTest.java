package dev.netgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netgen.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template, rendered through the real renderer and compared as whole files with
 * {@code src/test/resources/golden/<case>/expected/}. After a deliberate template change, regenerate with
 * {@code mvn test -Dtest=GoldenFilesTest -Dnetgen.golden.update=true} and review the diff in git.
 */
class GoldenFilesTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("netgen.golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(GOLDEN)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Path inventoryOf(String name) throws IOException {
        Path dir = GOLDEN.resolve(name);
        Path pointer = dir.resolve("inventory-path");
        return Files.exists(pointer) ? Path.of(Files.readString(pointer).strip()) : dir.resolve("inventory.yaml");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void renderedFilesMatchTheGoldenFiles(String name) throws IOException {
        Inventory inv = RenderService.load(inventoryOf(name));
        Map<String, String> actual = new TreeMap<>();
        for (RenderedFile f : RenderService.render(inv, Optional.empty())) {
            actual.put(f.path(), f.text());
        }
        Path expectedDir = GOLDEN.resolve(name).resolve("expected");
        if (UPDATE) {
            new OutputTree(expectedDir).write(RenderService.render(inv, Optional.empty()));
        }
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> s = Files.walk(expectedDir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                expected.put(expectedDir.relativize(p).toString(), Files.readString(p));
            }
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String path : expected.keySet()) {
            assertThat(actual.get(path)).as(path).isEqualTo(expected.get(path));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void renderingTwiceGivesTheSameBytes(String name) throws IOException {
        List<RenderedFile> a = RenderService.render(RenderService.load(inventoryOf(name)), Optional.empty());
        List<RenderedFile> b = RenderService.render(RenderService.load(inventoryOf(name)), Optional.empty());
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).path()).isEqualTo(b.get(i).path());
            assertThat(a.get(i).content()).isEqualTo(b.get(i).content());
        }
    }
}
