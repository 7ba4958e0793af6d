package dev.netgen.inventory;

/** An IPv4 address as an unsigned 32-bit value, so range and subnet checks are arithmetic. */
public record Ipv4(long bits) implements Comparable<Ipv4> {
    public Ipv4 {
        if (bits < 0 || bits > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("IPv4 address out of range");
        }
    }

    /** Strict dotted-quad: four decimal octets 0-255 without leading zeros (which some tools read as octal). */
    public static Ipv4 parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(notAnAddress(text));
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                throw new IllegalArgumentException(notAnAddress(text));
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw new IllegalArgumentException(notAnAddress(text));
            }
            v = (v << 8) | octet;
        }
        return new Ipv4(v);
    }

    public static boolean looksLike(String text) {
        return text.matches("[0-9.]+");
    }

    private static String notAnAddress(String text) {
        return "'" + text + "' is not an IPv4 address; write four numbers 0-255 such as 192.168.1.10";
    }

    @Override
    public String toString() {
        return ((bits >> 24) & 255) + "." + ((bits >> 16) & 255) + "." + ((bits >> 8) & 255) + "." + (bits & 255);
    }

    @Override
    public int compareTo(Ipv4 o) {
        return Long.compare(bits, o.bits);
    }
}
