package dev.netgen.inventory;

/** An inclusive range of IPv4 addresses, such as a dynamic DHCP pool. */
public record IpRange(Ipv4 first, Ipv4 last) {
    public IpRange {
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("range starts after it ends");
        }
    }

    public static IpRange parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not an address range; write it as first-last such as 192.168.1.100-192.168.1.199");
        }
        Ipv4 first = Ipv4.parse(parts[0]);
        Ipv4 last = Ipv4.parse(parts[1]);
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("'" + text + "' starts after it ends; put the lower address first");
        }
        return new IpRange(first, last);
    }

    public boolean contains(Ipv4 ip) {
        return first.compareTo(ip) <= 0 && ip.compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
