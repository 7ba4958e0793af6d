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

    void check(Map<String, Server> servers, Map<String, Network> networks, Map<String, Image> images,
            Map<String, Host> hosts) {
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

    private void hosts(Map<String, Host> hosts, Map<String, Server> servers) {
        Map<MacAddress, Host> byMac = new HashMap<>();
        Map<Ipv4, Host> byIp = new HashMap<>();
        for (Host h : hosts.values()) {
            String path = "hosts." + h.name();
            Location macAt = h.sources().get("mac").location();
            Location ipAt = h.sources().get("ip").location();
            Host sameMac = byMac.putIfAbsent(h.mac(), h);
            if (sameMac != null) {
                problems.add(new Problem(macAt, path + ".mac", "MAC " + h.mac() + " is also host " + sameMac.name()
                        + "'s (" + sameMac.sources().get("mac").location() + "); each host needs its own MAC"));
            }
            Host sameIp = byIp.putIfAbsent(h.ip(), h);
            if (sameIp != null) {
                problems.add(new Problem(ipAt, path + ".ip", "IP " + h.ip() + " is also host " + sameIp.name()
                        + "'s (" + sameIp.sources().get("ip").location() + "); each host needs its own IP"));
            }
            Network n = h.network();
            n.pool().filter(pool -> pool.contains(h.ip())).ifPresent(pool -> problems.add(new Problem(ipAt, path + ".ip",
                    "IP " + h.ip() + " is inside network " + n.name() + "'s dynamic pool " + pool
                            + "; pick a fixed address outside the pool")));
            if (h.ip().equals(n.subnet().network()) || h.ip().equals(n.subnet().broadcast())) {
                problems.add(new Problem(ipAt, path + ".ip", "IP " + h.ip() + " is the network or broadcast address of "
                        + n.subnet() + "; pick a host address"));
            }
            for (Server s : servers.values()) {
                if (s.address().equals(h.ip())) {
                    problems.add(new Problem(ipAt, path + ".ip", "IP " + h.ip() + " is server " + s.name() + "'s address"));
                }
            }
        }
    }
}
