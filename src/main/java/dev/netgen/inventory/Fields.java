package dev.netgen.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A view of one YAML mapping that reports, into the shared problem list, unknown keys, wrong kinds of
 * node, missing required keys and values that fail a parser or check. Nothing here throws: validation
 * must report every problem of the inventory in one run.
 */
final class Fields {
    private final YamlNode.Mapping map;
    private final String path;
    private final List<Problem> problems;

    private Fields(YamlNode.Mapping map, String path, List<Problem> problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** Returns null (after reporting) when the node is not a mapping. */
    static Fields of(YamlNode node, String path, List<Problem> problems, Set<String> allowed) {
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.add(new Problem(node.location(), path, "expected a map of keys, found " + node.kind()));
            return null;
        }
        for (var e : m.keys().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(new Problem(e.getValue(), YamlReader.join(path, e.getKey()), unknownKey(e.getKey(), allowed)));
            }
        }
        return new Fields(m, path, problems);
    }

    static String unknownKey(String key, Set<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String a : allowed.stream().sorted().toList()) {
            int d = distance(key, a);
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        String hint = best != null ? "did you mean '" + best + "'? " : "";
        return "unknown key '" + Values.printable(key) + "'; " + hint + "allowed here: " + String.join(", ", allowed.stream().sorted().toList());
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    String path() {
        return path;
    }

    Location location() {
        return map.location();
    }

    String keyPath(String key) {
        return YamlReader.join(path, key);
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    YamlNode node(String key) {
        return map.entries().get(key);
    }

    Location at(String key) {
        YamlNode n = map.entries().get(key);
        return n != null ? n.location() : map.location();
    }

    /** A scalar value that passes the safety check and {@code check}; empty if absent or bad (reported). */
    Optional<Field<String>> text(String key, Function<String, String> check) {
        YamlNode n = map.entries().get(key);
        if (n == null) {
            return Optional.empty();
        }
        return scalar(n, keyPath(key), check);
    }

    Optional<Field<String>> scalar(YamlNode n, String p, Function<String, String> check) {
        if (!(n instanceof YamlNode.Scalar s) || s.isNull()) {
            problems.add(new Problem(n.location(), p, "expected a value, found " + n.kind()));
            return Optional.empty();
        }
        String problem = Values.unsafeCharacter(s.text());
        if (problem == null && check != null) {
            problem = check.apply(s.text());
        }
        if (problem != null) {
            problems.add(new Problem(s.location(), p, problem));
            return Optional.empty();
        }
        return Optional.of(new Field<>(s.text(), s.location()));
    }

    /** A scalar turned into a value type by {@code parser}, whose IllegalArgumentException message is reported. */
    <T> Optional<Field<T>> parsed(String key, Function<String, T> parser) {
        return text(key, null).flatMap(f -> parse(f, keyPath(key), parser));
    }

    <T> Optional<Field<T>> parse(Field<String> f, String p, Function<String, T> parser) {
        try {
            return Optional.of(new Field<>(parser.apply(f.value()), f.location()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(f.location(), p, e.getMessage()));
            return Optional.empty();
        }
    }

    /** A list of scalars; a single scalar is accepted as a one-element list. */
    List<Field<String>> list(String key, Function<String, String> check) {
        YamlNode n = map.entries().get(key);
        List<Field<String>> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n instanceof YamlNode.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                scalar(seq.items().get(i), keyPath(key) + "[" + i + "]", check).ifPresent(out::add);
            }
        } else {
            scalar(n, keyPath(key), check).ifPresent(out::add);
        }
        return out;
    }

    <T> List<T> parsedList(String key, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (Field<String> f : list(key, null)) {
            parse(f, keyPath(key), parser).ifPresent(v -> out.add(v.value()));
        }
        return out;
    }

    /** Reports a missing required key; returns false so callers can skip building the record. */
    boolean require(String key, String what) {
        if (has(key)) {
            return true;
        }
        problems.add(new Problem(map.location(), keyPath(key), "missing; " + what));
        return false;
    }

    void problem(Location at, String p, String message) {
        problems.add(new Problem(at, p, message));
    }
}
