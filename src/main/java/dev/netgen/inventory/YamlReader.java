package dev.netgen.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML file with Jackson's streaming parser into {@link YamlNode}s that remember locations.
 * Duplicate keys are reported as problems (the first one wins) instead of being silently merged.
 */
final class YamlReader {
    /** SnakeYAML's default 3 MB document limit is below a 50k-host inventory file. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(256 * 1024 * 1024);
        return o;
    }

    private final String file;
    private final List<Problem> problems;

    YamlReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Returns the document's root, or null for an empty file. Syntax errors throw with the location. */
    YamlNode read(Reader in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            YamlNode root = node(p, t, "");
            if (p.nextToken() != null) {
                problems.add(new Problem(loc(p.currentTokenLocation()), "(file)",
                        "holds more than one YAML document; put each in its own file"));
            }
            return root;
        }
    }

    private YamlNode node(JsonParser p, JsonToken t, String path) throws IOException {
        Location at = loc(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = loc(p.currentTokenLocation());
                    YamlNode value = node(p, p.nextToken(), join(path, key));
                    if (entries.containsKey(key)) {
                        problems.add(new Problem(keyAt, join(path, key),
                                "duplicate key (first at line " + keys.get(key).line() + "); remove one of them"));
                    } else {
                        entries.put(key, value);
                        keys.put(key, keyAt);
                    }
                }
                return new YamlNode.Mapping(entries, keys, at);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken it;
                int i = 0;
                while ((it = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(p, it, path + "[" + i++ + "]"));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar("", true, at);
            default:
                return new YamlNode.Scalar(p.getText(), false, at);
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Location loc(JsonLocation l) {
        return new Location(file, l.getLineNr(), l.getColumnNr());
    }
}
