package dev.netgen.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the host blocks back out of a rendered dhcpd.conf. `dhcpd -t` accepts statements it does not
 * know inside a block, so the tests also check each host block's content against the inventory.
 */
final class DhcpdConf {
    private static final Pattern HOST = Pattern.compile("(?m)^host ([a-z0-9-]+) \\{\\n((?:  .*\\n)+?)\\}$");

    record HostBlock(String name, String body) {
        String value(String statement) {
            Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(statement) + " (.*);$").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    static Map<String, HostBlock> hosts(String conf) {
        Map<String, HostBlock> out = new LinkedHashMap<>();
        Matcher m = HOST.matcher(conf);
        while (m.find()) {
            out.put(m.group(1), new HostBlock(m.group(1), m.group(2)));
        }
        return out;
    }
}
