package dev.netgen.bootcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A console recorded by a real lab run (src/test/resources/bootcheck/consoles, the format netgen writes to
 * out/check-boot/<host>.console: seconds since power-on, source, text), replayed as {@link ConsoleLine}s.
 */
final class ConsoleFixture {
    static final long POWER_ON = 1_000_000_000L;

    private ConsoleFixture() {
    }

    static List<ConsoleLine> load(String name) {
        try (InputStream in = ConsoleFixture.class.getResourceAsStream("/bootcheck/consoles/" + name)) {
            List<ConsoleLine> lines = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = l.strip().split(" +", 3);
                long at = POWER_ON + Math.round(Double.parseDouble(f[0]) * 1e9);
                lines.add(new ConsoleLine(at, f[1], f.length > 2 ? f[2] : ""));
            }
            return lines;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Milliseconds after power-on of the first line containing {@code text}. */
    static long msOf(List<ConsoleLine> lines, String text) {
        return lines.stream().filter(l -> l.text().contains(text)).findFirst()
                .map(l -> (l.atNanos() - POWER_ON) / 1_000_000).orElseThrow(() -> new AssertionError("no line with " + text));
    }
}
