package dev.netgen.inventory;

import java.util.List;
import java.util.Optional;

/** A boot network: one dhcpd {@code subnet}; hosts belong to the network whose subnet holds their IP. */
public record Network(String name, Cidr subnet, String server, List<Ipv4> routers, List<Ipv4> dns,
        Optional<String> domain, Optional<IpRange> pool, Location location) {
    public Network {
        routers = List.copyOf(routers);
        dns = List.copyOf(dns);
    }
}
