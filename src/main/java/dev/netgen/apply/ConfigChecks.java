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

    private static final Pattern XINETD_SERVER = Pattern.compile("^\\s*server\\s*=\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern TFTP_ROOT = Pattern.compile("^\\s*server_args\\s*=.*\\s-s\\s+(\\S+)", Pattern.MULTILINE);

    private ConfigChecks() {
    }

    /**
     * A shell check of what a staged xinetd service needs on the server: its server program (run from the
     * server's real system) and the TFTP root it serves (under the target's root). Empty when none applies.
     */
    static String xinetdOnServer(ApplyTarget t, String path, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        java.util.regex.Matcher m = XINETD_SERVER.matcher(text);
        while (m.find()) {
            String q = ShellQuote.quote(m.group(1));
            sb.append("test -x ").append(q).append(" || { echo ").append(ShellQuote.quote(path + ": server " + m.group(1)
                    + " is not an executable on this server (install tftpd-hpa)")).append("; exit 1; }\n");
        }
        m = TFTP_ROOT.matcher(text);
        while (m.find()) {
            sb.append("test -d ").append(ShellQuote.quote(t.real(m.group(1)))).append(" || { echo ")
                    .append(ShellQuote.quote(path + ": TFTP root " + m.group(1) + " is not a directory on this server")).append("; exit 1; }\n");
        }
        return sb.toString();
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
