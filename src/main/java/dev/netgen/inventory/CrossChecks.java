package dev.netgen.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules that relate several entries: overlapping subnets, pools, and unique MACs and IPs. */
final class CrossChecks {
    private final List<Problem> problems;

    CrossChecks(List<Problem> problems) {
        this.problems = problems;
    }

    void check(Map<String, Server> servers, Map<String, Network> networks, List<ProfileResolver.HostAddress> hosts) {
        networks(networks);
        hosts(hosts, servers);
    }

    private void networks(Map<String, Network> networks) {
        List<Network> list = List.copyOf(networks.values());
        for (int i = 0; i < list.size(); i++) {
            Network n = list.get(i);
            String path = "networks." + n.name();
            for (int j = 0; j < i; j++) {
                Network other = list.get(j);
                if (n.subnet().overlaps(other.subnet())) {
                    problems.add(new Problem(n.location(), path + ".subnet", n.subnet() + " overlaps network "
                            + other.name() + " (" + other.subnet() + "); a host's IP must pick exactly one network"));
                }
            }
            n.pool().ifPresent(pool -> {
                if (!n.subnet().contains(pool.first()) || !n.subnet().contains(pool.last())) {
                    problems.add(new Problem(n.location(), path + ".pool", "pool " + pool + " is not inside subnet " + n.subnet()));
                }
            });
            for (Ipv4 r : n.routers()) {
                if (!n.subnet().contains(r)) {
                    problems.add(new Problem(n.location(), path + ".routers", "router " + r + " is not inside subnet " + n.subnet()));
                }
            }
        }
    }

    private void hosts(List<ProfileResolver.HostAddress> hosts, Map<String, Server> servers) {
        Map<MacAddress, Field<MacAddress>> macs = new HashMap<>();
        Map<MacAddress, String> macOwner = new HashMap<>();
        Map<Ipv4, Field<Ipv4>> ips = new HashMap<>();
        Map<Ipv4, String> ipOwner = new HashMap<>();
        for (ProfileResolver.HostAddress h : hosts) {
            String path = "hosts." + h.host();
            h.mac().ifPresent(mac -> {
                Field<MacAddress> first = macs.putIfAbsent(mac.value(), mac);
                if (first != null) {
                    problems.add(new Problem(mac.location(), path + ".mac", "MAC " + mac.value() + " is also host "
                            + macOwner.get(mac.value()) + "'s (" + first.location() + "); each host needs its own MAC"));
                } else {
                    macOwner.put(mac.value(), h.host());
                }
            });
            if (h.ip().isEmpty()) {
                continue;
            }
            Field<Ipv4> ip = h.ip().get();
            Location ipAt = ip.location();
            Field<Ipv4> first = ips.putIfAbsent(ip.value(), ip);
            if (first != null) {
                problems.add(new Problem(ipAt, path + ".ip", "IP " + ip.value() + " is also host " + ipOwner.get(ip.value())
                        + "'s (" + first.location() + "); each host needs its own IP"));
            } else {
                ipOwner.put(ip.value(), h.host());
            }
            h.network().ifPresent(n -> {
                n.pool().filter(pool -> pool.contains(ip.value())).ifPresent(pool -> problems.add(new Problem(ipAt, path + ".ip",
                        "IP " + ip.value() + " is inside network " + n.name() + "'s dynamic pool " + pool
                                + "; pick a fixed address outside the pool")));
                if (ip.value().equals(n.subnet().network()) || ip.value().equals(n.subnet().broadcast())) {
                    problems.add(new Problem(ipAt, path + ".ip", "IP " + ip.value() + " is the network or broadcast address of "
                            + n.subnet() + "; pick a host address"));
                }
            });
            for (Server s : servers.values()) {
                if (s.address().equals(ip.value())) {
                    problems.add(new Problem(ipAt, path + ".ip", "IP " + ip.value() + " is server " + s.name()
                            + "'s address; pick another"));
                }
            }
        }
    }
}
