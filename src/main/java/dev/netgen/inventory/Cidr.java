package dev.netgen.inventory;

/** An IPv4 subnet in CIDR notation; the address must be the network address (no host bits set). */
public record Cidr(Ipv4 network, int prefix) {
    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix out of range");
        }
        if ((network.bits() & ~mask(prefix) & 0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("host bits set");
        }
    }

    public static Cidr parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        if (slash < 0 || !s.substring(slash + 1).matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("'" + text + "' is not a subnet; write it as address/prefix such as 192.168.1.0/24");
        }
        Ipv4 addr = Ipv4.parse(s.substring(0, slash));
        int prefix = Integer.parseInt(s.substring(slash + 1));
        if (prefix > 32) {
            throw new IllegalArgumentException("'" + text + "' has a prefix over 32");
        }
        long m = mask(prefix);
        if ((addr.bits() & ~m & 0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; the subnet is "
                    + new Ipv4(addr.bits() & m) + "/" + prefix);
        }
        return new Cidr(addr, prefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    public Ipv4 netmask() {
        return new Ipv4(mask(prefix));
    }

    public Ipv4 broadcast() {
        return new Ipv4(network.bits() | (~mask(prefix) & 0xFFFF_FFFFL));
    }

    public boolean contains(Ipv4 ip) {
        return (ip.bits() & mask(prefix)) == network.bits();
    }

    public boolean overlaps(Cidr other) {
        return contains(other.network) || other.contains(network);
    }

    @Override
    public String toString() {
        return network + "/" + prefix;
    }
}
