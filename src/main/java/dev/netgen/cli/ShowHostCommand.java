package dev.netgen.cli;

import dev.netgen.core.NetgenException;
import dev.netgen.inventory.Host;
import dev.netgen.inventory.Inventory;
import dev.netgen.inventory.Source;
import dev.netgen.render.HostModel;
import dev.netgen.render.RenderService;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "host", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show a host after its profiles were merged in; --sources tells where each value came from.")
final class ShowHostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    InventoryOptions inventory;

    @Parameters(paramLabel = "NAME", description = "The host's name.")
    String name;

    @Option(names = "--sources", description = "Also print which profile, host entry or default set each value.")
    boolean sources;

    @Override
    public Integer call() {
        Inventory inv = RenderService.load(inventory.path());
        Host h = inv.hosts().get(name);
        if (h == null) {
            throw NetgenException.usage("no host '" + name + "' in " + inventory.path() + "; hosts: "
                    + String.join(", ", inv.hosts().keySet()));
        }
        HostModel hm = new HostModel(h);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", h.name());
        fields.put("mac", h.mac().toString());
        fields.put("ip", h.ip().toString());
        fields.put("network", h.network().name() + " (" + h.network().subnet() + ")");
        fields.put("server", h.server().name());
        fields.put("image", h.image().name());
        fields.put("append", h.kernelArguments());
        fields.put("next-server", hm.nextServer());
        fields.put("root-path", hm.rootPath());
        fields.put("pxelinux-config", h.server().tftpRoot() + "/pxelinux.cfg/" + hm.pxelinuxConfigName());
        PrintWriter out = spec.commandLine().getOut();
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        fields.forEach((k, v) -> {
            String line = String.format("%-" + width + "s %s", k + ":", v);
            if (sources) {
                line = String.format("%-48s # %s", line, source(h, k));
            }
            out.println(line.stripTrailing());
        });
        return 0;
    }

    private static String source(Host h, String field) {
        Source s = h.sources().get(field);
        if (s != null) {
            return s.toString();
        }
        return switch (field) {
            case "network" -> "the subnet holding ip";
            case "server" -> "network " + h.network().name();
            case "append" -> "image " + h.image().name() + (h.append().isPresent() ? " + " + h.sources().get("append") : "");
            case "next-server" -> "server " + h.server().name() + " (tftp-server, default address)";
            case "root-path" -> "server " + h.server().name() + " nfs-server + image " + h.image().name() + " root and nfs-options";
            default -> "derived";
        };
    }
}
