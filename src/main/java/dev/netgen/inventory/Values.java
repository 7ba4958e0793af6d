package dev.netgen.inventory;

import java.util.regex.Pattern;

/**
 * Checks of the strings that end up inside generated files. Each check returns null when the value is
 * fine, else a message that says what to fix. The shared first step rejects every character that could
 * break out of a target file's syntax (a quote in dhcpd.conf, a newline in exports, a brace in xinetd).
 */
final class Values {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("/([A-Za-z0-9._+-]+/?)*");
    private static final Pattern RELATIVE_FILE = Pattern.compile("[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*");
    private static final Pattern KERNEL_ARGS = Pattern.compile("[A-Za-z0-9._,:=/+@-]+( [A-Za-z0-9._,:=/+@-]+)*");
    private static final Pattern NFS_OPTION = Pattern.compile("[a-z][a-z0-9_]*(=[A-Za-z0-9._:/-]+)?");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern KERNEL_VERSION = Pattern.compile("[A-Za-z0-9._+~-]+");

    private Values() {
    }

    /** The characters that could end a string, a statement or a line in one of the generated files. */
    static String unsafeCharacter(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String what = switch (c) {
                case '"' -> "a double quote";
                case '\'' -> "a single quote";
                case ';' -> "a semicolon";
                case '{', '}' -> "a brace";
                case '#' -> "'#'";
                case '\\' -> "a backslash";
                case '`', '$' -> "'" + c + "'";
                case '\n', '\r' -> "a line break";
                default -> Character.isISOControl(c) ? "a control character" : null;
            };
            if (what != null) {
                return "'" + printable(v) + "' contains " + what + ", which could break the syntax of the generated files; remove it";
            }
        }
        return null;
    }

    static String printable(String v) {
        return v.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    static String name(String v) {
        if (DNS_LABEL.matcher(v).matches()) {
            return null;
        }
        return "'" + printable(v) + "' is not a valid name; use lower-case letters, digits and '-' (a DNS label of at most 63 characters, not starting or ending with '-')";
    }

    static String hostOrAddress(String v) {
        if (Ipv4.looksLike(v)) {
            try {
                Ipv4.parse(v);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (v.matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+[^0-9].*")) {
            // dhcpd reads the leading dotted quad as an address and then fails on the rest
            return "'" + printable(v) + "' looks like an IPv4 address but is not one; write the address or a host name";
        }
        return DNS_NAME.matcher(v).matches() && v.length() <= 253 ? null
                : "'" + printable(v) + "' is not a host name or IPv4 address";
    }

    static String domain(String v) {
        return DNS_NAME.matcher(v).matches() && v.length() <= 253 ? null
                : "'" + printable(v) + "' is not a domain name such as example.lan";
    }

    static String absolutePath(String v) {
        if (!ABSOLUTE_PATH.matcher(v).matches() || v.contains("/../") || v.endsWith("/..") || v.contains("//")) {
            return "'" + printable(v) + "' is not an absolute path of letters, digits and . _ + - such as /netboot/client";
        }
        return null;
    }

    static String fileUnderTftpRoot(String v) {
        if (!RELATIVE_FILE.matcher(v).matches() || v.equals("..") || v.startsWith("../") || v.contains("/../")) {
            return "'" + printable(v) + "' is not a file name relative to the TFTP root (letters, digits, . _ + - and /, no leading '/')";
        }
        return null;
    }

    static String kernelArguments(String v) {
        return v.isEmpty() || KERNEL_ARGS.matcher(v).matches() ? null
                : "'" + printable(v) + "' is not a list of kernel arguments separated by single spaces (letters, digits and . _ , : = / + @ -)";
    }

    static String nfsOption(String v) {
        if (!NFS_OPTION.matcher(v).matches()) {
            return "'" + printable(v) + "' is not an NFS mount option such as rsize=8192 or tcp";
        }
        String key = v.contains("=") ? v.substring(0, v.indexOf('=')) : v;
        if (key.equals("rw")) {
            return "'rw' is not allowed: the exported root is read-only and the client's writable root lives in RAM";
        }
        return null;
    }

    static String module(String v) {
        return MODULE.matcher(v).matches() ? null
                : "'" + printable(v) + "' is not a kernel module name such as e1000e or virtio_net";
    }

    static String kernelVersion(String v) {
        return KERNEL_VERSION.matcher(v).matches() ? null
                : "'" + printable(v) + "' is not a kernel version such as 6.1.0-28-amd64";
    }
}
