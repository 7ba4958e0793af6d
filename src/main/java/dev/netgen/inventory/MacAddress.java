package dev.netgen.inventory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An Ethernet MAC address. Accepts the common notations (colons, dashes, Cisco dots, bare hex) so that
 * duplicates are found whatever the inventory's author typed; always rendered as lower-case colon form.
 */
public record MacAddress(long bits) implements Comparable<MacAddress> {
    private static final Pattern SEPARATED = Pattern.compile("\\p{XDigit}{1,2}([:-]\\p{XDigit}{1,2}){5}");
    private static final Pattern DOTTED = Pattern.compile("\\p{XDigit}{4}\\.\\p{XDigit}{4}\\.\\p{XDigit}{4}");
    private static final Pattern BARE = Pattern.compile("\\p{XDigit}{12}");

    public MacAddress {
        if (bits < 0 || bits > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("MAC address out of range");
        }
    }

    /** Parses any common notation; throws IllegalArgumentException with a message fit for the user. */
    public static MacAddress parse(String text) {
        String s = text.trim();
        String hex;
        if (SEPARATED.matcher(s).matches()) {
            StringBuilder sb = new StringBuilder();
            for (String part : s.split("[:-]")) {
                sb.append(part.length() == 1 ? "0" + part : part);
            }
            if (s.indexOf(':') >= 0 && s.indexOf('-') >= 0) {
                throw new IllegalArgumentException("'" + text + "' mixes ':' and '-'; write it as aa:bb:cc:dd:ee:ff");
            }
            hex = sb.toString();
        } else if (DOTTED.matcher(s).matches()) {
            hex = s.replace(".", "");
        } else if (BARE.matcher(s).matches()) {
            hex = s;
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address; write six hex pairs such as aa:bb:cc:dd:ee:ff");
        }
        return new MacAddress(Long.parseLong(hex, 16));
    }

    /** aa:bb:cc:dd:ee:ff, the form dhcpd and the inventory's rendered files use. */
    @Override
    public String toString() {
        return separated(':');
    }

    /** aa-bb-cc-dd-ee-ff, the form pxelinux uses in its per-client config file names. */
    public String dashed() {
        return separated('-');
    }

    /** The pxelinux.cfg file name of this MAC: "01-" (ARP type Ethernet) and the dashed address. */
    public String pxelinuxConfigName() {
        return "01-" + dashed();
    }

    private String separated(char sep) {
        String hex = String.format(Locale.ROOT, "%012x", bits);
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    @Override
    public int compareTo(MacAddress o) {
        return Long.compare(bits, o.bits);
    }
}
