package dev.netgen.inventory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where {@code apply} connects: {@code [user@]host[:port]}, handed to the system's OpenSSH client. */
public record SshTarget(Optional<String> user, String host, Optional<Integer> port) {
    private static final Pattern FORM = Pattern.compile(
            "(?:([a-z_][a-z0-9_.-]{0,31})@)?([A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})):?([0-9]{1,5})?");

    public static SshTarget parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || (text.endsWith(":") && m.group(3) == null)) {
            throw new IllegalArgumentException("'" + text + "' is not an ssh target; write [user@]host[:port] such as root@bootserver or root@10.0.0.1:2222");
        }
        Optional<Integer> port = Optional.ofNullable(m.group(3)).map(Integer::valueOf);
        if (port.isPresent() && (port.get() < 1 || port.get() > 65535)) {
            throw new IllegalArgumentException("'" + text + "' has port " + port.get() + "; use 1-65535");
        }
        return new SshTarget(Optional.ofNullable(m.group(1)), m.group(2), port);
    }

    /** The destination argument for ssh: {@code user@host}. */
    public String destination() {
        return user.map(u -> u + "@" + host).orElse(host);
    }

    @Override
    public String toString() {
        return destination() + port.map(p -> ":" + p).orElse("");
    }
}
