package dev.netgen.inventory;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as read, with the location of every key and value. Jackson's tree model drops
 * locations, and validation must name the line and column of each problem, so the reader builds this.
 */
public sealed interface YamlNode {
    Location location();

    /** A human name of the node's kind for "expected a map, found a list" messages. */
    String kind();

    record Scalar(String text, boolean isNull, Location location) implements YamlNode {
        @Override
        public String kind() {
            return isNull ? "nothing" : "a value";
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** Entries keep document order; {@code keys} holds each key's own location. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Location> keys, Location location) implements YamlNode {
        @Override
        public String kind() {
            return "a map";
        }
    }
}
