package dev.netgen.inventory;

import java.util.Map;
import java.util.Optional;

/**
 * A client after its profiles were merged in, with its network and server looked up.
 *
 * @param append extra kernel arguments of this host, after the image's
 * @param sources for each field set by the inventory, where its value came from
 */
public record Host(String name, MacAddress mac, Ipv4 ip, Image image, Network network, Server server,
        Optional<String> append, Map<String, Source> sources, Location location) {
    public Host {
        sources = Map.copyOf(sources);
    }

    /** The kernel command line after {@code initrd=}: the image's arguments, then the host's. */
    public String kernelArguments() {
        String a = image.append();
        String h = append.orElse("");
        return (a + " " + h).trim();
    }
}
