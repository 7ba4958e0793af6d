package dev.netgen.render;

import dev.netgen.inventory.Cidr;
import dev.netgen.inventory.Image;
import dev.netgen.inventory.Network;
import dev.netgen.inventory.Server;
import java.util.List;
import java.util.Optional;

/**
 * The one typed root object the per-server templates receive.
 *
 * @param networks the server's networks, each with its hosts
 * @param exports one entry per image root booted from this server, with the subnets allowed to mount it
 */
public record ServerModel(String generatedBy, Server server, List<NetworkModel> networks, List<Image> images,
        Optional<Image> defaultImage, List<Export> exports) {

    public record NetworkModel(Network network, List<HostModel> hosts) {
    }

    public record Export(String root, List<Cidr> clients) {
    }

    public List<HostModel> hosts() {
        return networks.stream().flatMap(n -> n.hosts().stream()).toList();
    }
}
