package dev.netgen.inventory;

import java.util.Comparator;

/** One validation problem, formatted as one line: {@code file:line:col: yaml.path: what is wrong and what to do}. */
public record Problem(Location location, String path, String message) {
    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column())
            .thenComparing(Problem::path)
            .thenComparing(Problem::message);

    @Override
    public String toString() {
        return location + ": " + path + ": " + message;
    }
}
