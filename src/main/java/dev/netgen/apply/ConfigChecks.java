package dev.netgen.apply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Syntax checks for the configurations whose daemons have no check mode of their own: exportfs cannot
 * test a file, and xinetd cannot be asked to parse one without starting. Each returns the problems found.
 */
final class ConfigChecks {
    private static final Pattern EXPORT_CLIENT = Pattern.compile("[^\\s()\"]+(\\([A-Za-z0-9_=,:./@-]*\\))?|-[A-Za-z0-9_=,:./@-]+");
    private static final Pattern XINETD_ATTR = Pattern.compile("\\s*[a-z_]+\\s*[-+]?=\\s*.*");
    private static final Pattern XINETD_HEAD = Pattern.compile("\\s*(service\\s+[A-Za-z0-9_.-]+|defaults)\\s*");

    private ConfigChecks() {
    }

    static List<String> check(ServiceKind kind, String path, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return switch (kind) {
            case NFS -> exports(path, text);
            case TFTP -> xinetd(path, text);
            case DHCP -> List.of();
        };
    }

    /** exports(5): {@code /path client(options) ...}, one export a line. */
    static List<String> exports(String path, String text) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (!fields[0].startsWith("/")) {
                problems.add(path + ":" + (i + 1) + ": export must start with an absolute path: " + line);
                continue;
            }
            if (fields.length < 2) {
                problems.add(path + ":" + (i + 1) + ": export of " + fields[0] + " names no client");
            }
            for (int f = 1; f < fields.length; f++) {
                if (!EXPORT_CLIENT.matcher(fields[f]).matches()) {
                    problems.add(path + ":" + (i + 1) + ": malformed client or options: " + fields[f]);
                }
            }
        }
        return problems;
    }

    /** xinetd.conf(5): {@code service NAME} then a braced block of {@code attribute = value} lines. */
    static List<String> xinetd(String path, String text) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inBlock = false;
        boolean expectBrace = false;
        boolean sawService = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = path + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (expectBrace) {
                if (!line.equals("{")) {
                    problems.add(where + "expected '{' after the service line");
                }
                expectBrace = false;
                inBlock = true;
            } else if (!inBlock) {
                if (XINETD_HEAD.matcher(line).matches()) {
                    expectBrace = true;
                    sawService = true;
                } else {
                    problems.add(where + "expected 'service NAME': " + line);
                }
            } else if (line.equals("}")) {
                inBlock = false;
            } else if (!XINETD_ATTR.matcher(line).matches()) {
                problems.add(where + "expected 'attribute = value': " + line);
            }
        }
        if (inBlock || expectBrace) {
            problems.add(path + ": unterminated service block (missing '}')");
        }
        if (!sawService) {
            problems.add(path + ": no service defined");
        }
        return problems;
    }
}
