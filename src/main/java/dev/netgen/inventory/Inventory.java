package dev.netgen.inventory;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The validated, resolved inventory. Maps are sorted by name so every rendering is deterministic. */
public record Inventory(SortedMap<String, Server> servers, SortedMap<String, Network> networks,
        SortedMap<String, Image> images, SortedMap<String, Host> hosts) {
    public Inventory {
        servers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(servers));
        networks = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(networks));
        images = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(images));
        hosts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hosts));
    }

    public List<Network> networksOf(Server server) {
        return networks.values().stream().filter(n -> n.server().equals(server.name())).toList();
    }

    /** The servers that must carry an image's kernel and initramfs: those with a host on it or defaulting to it. */
    public List<Server> serversBooting(Image image) {
        return servers.values().stream()
                .filter(s -> s.defaultImage().filter(image.name()::equals).isPresent()
                        || hosts.values().stream().anyMatch(h -> h.server().name().equals(s.name())
                                && h.image().name().equals(image.name())))
                .toList();
    }

    public List<Host> hostsOf(Server server) {
        return hosts.values().stream().filter(h -> h.server().name().equals(server.name())).toList();
    }
}
