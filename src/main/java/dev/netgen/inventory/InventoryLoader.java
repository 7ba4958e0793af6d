package dev.netgen.inventory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads an inventory file, or a directory whose *.yaml / *.yml files are merged in name order, into a
 * validated {@link Inventory}. Every problem in every file is collected before giving up.
 */
public final class InventoryLoader {
    public static final int SCHEMA_VERSION = 1;
    private static final Set<String> TOP = Set.of("version", "servers", "networks", "images", "profiles", "hosts");
    private static final Set<String> SERVER_KEYS = Set.of("address", "ssh", "tftp-root", "tftp-server", "nfs-server", "default-image", "services");
    private static final Set<String> NETWORK_KEYS = Set.of("subnet", "server", "routers", "dns", "domain", "pool");
    private static final Set<String> IMAGE_KEYS = Set.of("root", "kernel", "kernel-version", "initrd", "append",
            "nfs-options", "writable-root", "modules");

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Server> servers = new TreeMap<>();
    private final Map<String, Network> networks = new TreeMap<>();
    private final Map<String, Image> images = new TreeMap<>();
    private final Map<String, HostFields> profiles = new LinkedHashMap<>();
    private final Map<String, HostFields> hosts = new LinkedHashMap<>();
    /** First definition of each "section/name", to report a name defined in two files. */
    private final Map<String, Location> defined = new LinkedHashMap<>();

    private InventoryLoader() {
    }

    public static LoadResult load(Path path) {
        InventoryLoader loader = new InventoryLoader();
        List<Path> files = loader.files(path);
        for (Path f : files) {
            loader.readFile(f);
        }
        loader.checkReferences();
        if (files.isEmpty() && loader.problems.isEmpty()) {
            loader.problems.add(new Problem(new Location(path.toString(), 1, 1), "(file)",
                    "no *.yaml or *.yml files in this directory; add an inventory file or pass -i FILE"));
        }
        // Resolution and cross-checks run even after earlier problems, so one run reports them all;
        // entries that failed to bind are skipped there rather than reported twice.
        boolean allNetworksBound = loader.networks.size() == loader.count("networks");
        ProfileResolver resolver = new ProfileResolver(loader.profiles, loader.problems);
        Map<String, Host> resolved = resolver.resolveAll(loader.hosts, loader.images, loader.networks, loader.servers,
                name -> loader.defined.containsKey("images/" + name), allNetworksBound);
        new CrossChecks(loader.problems).check(loader.servers, loader.networks, resolver.addresses());
        if (!loader.problems.isEmpty()) {
            return new LoadResult(Optional.empty(), loader.problems);
        }
        return new LoadResult(Optional.of(new Inventory(new TreeMap<>(loader.servers), new TreeMap<>(loader.networks),
                new TreeMap<>(loader.images), new TreeMap<>(resolved))), List.of());
    }

    private long count(String section) {
        return defined.keySet().stream().filter(k -> k.startsWith(section + "/")).count();
    }

    private List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            problems.add(new Problem(new Location(path.toString(), 1, 1), "(file)",
                    "no such file or directory; pass the inventory with -i PATH (default: inventory/)"));
            return List.of();
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(new Location(path.toString(), 1, 1), "(file)", "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    private void readFile(Path file) {
        String name = file.toString();
        YamlNode root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new YamlReader(name, problems).read(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var l = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            problems.add(new Problem(new Location(name, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr()),
                    "(syntax)", "not valid YAML: " + msg));
            return;
        } catch (IOException e) {
            problems.add(new Problem(new Location(name, 1, 1), "(file)", "cannot read: " + e.getMessage()));
            return;
        }
        if (root == null) {
            return;
        }
        Fields top = Fields.of(root, "", problems, TOP);
        if (top == null) {
            return;
        }
        checkVersion(top);
        section(top, "servers", (n, f) -> server(n, f));
        section(top, "networks", (n, f) -> network(n, f));
        section(top, "images", (n, f) -> image(n, f));
        section(top, "profiles", (n, f) -> hostFields(n, f).ifPresent(h -> profiles.put(n, h)));
        section(top, "hosts", (n, f) -> hostFields(n, f).ifPresent(h -> hosts.put(n, h)));
    }

    private void checkVersion(Fields top) {
        if (!top.require("version", "start the file with 'version: " + SCHEMA_VERSION + "'")) {
            return;
        }
        top.text("version", v -> v.equals(String.valueOf(SCHEMA_VERSION)) ? null
                : "schema version " + v + " is not supported; this netgen reads version " + SCHEMA_VERSION);
    }

    private interface EntryBinder {
        void bind(String name, Fields fields);
    }

    private void section(Fields top, String section, EntryBinder binder) {
        YamlNode node = top.node(section);
        if (node == null || (node instanceof YamlNode.Scalar s && s.isNull())) {
            return;
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            top.problem(node.location(), section, "expected a map of names to " + section + ", found " + node.kind());
            return;
        }
        Set<String> keys = switch (section) {
            case "servers" -> SERVER_KEYS;
            case "networks" -> NETWORK_KEYS;
            case "images" -> IMAGE_KEYS;
            default -> HostFields.KEYS;
        };
        for (var e : m.entries().entrySet()) {
            String name = e.getKey();
            String path = section + "." + name;
            Location keyAt = m.keys().get(name);
            String bad = Values.name(name);
            if (bad != null) {
                top.problem(keyAt, path, bad);
                continue;
            }
            Location first = defined.putIfAbsent(section + "/" + name, keyAt);
            if (first != null) {
                top.problem(keyAt, path, "already defined at " + first + "; give it another name or remove one");
                continue;
            }
            YamlNode value = e.getValue();
            if (value instanceof YamlNode.Scalar s && s.isNull()) {
                value = new YamlNode.Mapping(Map.of(), Map.of(), keyAt);
            }
            Fields f = Fields.of(value, path, problems, keys);
            if (f != null) {
                binder.bind(name, f);
            }
        }
    }

    private void server(String name, Fields f) {
        boolean ok = f.require("address", "give the server's address on the boot network");
        var address = f.parsed("address", Ipv4::parse);
        var ssh = f.parsed("ssh", SshTarget::parse);
        var tftpRoot = f.text("tftp-root", Values::absolutePath);
        var tftpServer = f.text("tftp-server", Values::hostOrAddress);
        var nfsServer = f.text("nfs-server", Values::hostOrAddress);
        var defaultImage = f.text("default-image", Values::name);
        if (ok && address.isPresent() && (!f.has("ssh") || ssh.isPresent()) && (!f.has("tftp-root") || tftpRoot.isPresent())
                && (!f.has("tftp-server") || tftpServer.isPresent()) && (!f.has("nfs-server") || nfsServer.isPresent())) {
            String addr = address.get().value().toString();
            servers.put(name, new Server(name, address.get().value(), ssh.map(Field::value),
                    tftpRoot.map(Field::value).orElse(Server.DEFAULT_TFTP_ROOT),
                    tftpServer.map(Field::value).orElse(addr), nfsServer.map(Field::value).orElse(addr),
                    defaultImage.map(Field::value), services(f), f.location()));
            defaultImage.ifPresent(d -> references.add(new Reference("images", d, f.keyPath("default-image"))));
        }
    }

    /** {@code services: {dhcp: {check: ..., reload: ..., running: ...}, ...}}; reported problems leave a default. */
    private java.util.SortedMap<String, ServiceOverride> services(Fields server) {
        java.util.SortedMap<String, ServiceOverride> out = new TreeMap<>();
        YamlNode node = server.node("services");
        if (node == null) {
            return out;
        }
        Fields services = Fields.of(node, server.keyPath("services"), problems, ServiceOverride.SERVICES);
        if (services == null) {
            return out;
        }
        for (String service : ServiceOverride.SERVICES) {
            YamlNode s = services.node(service);
            Fields cmds = s == null ? null : Fields.of(s, services.keyPath(service), problems, ServiceOverride.KEYS);
            if (cmds != null) {
                out.put(service, new ServiceOverride(cmds.text("check", null).map(Field::value),
                        cmds.text("reload", null).map(Field::value), cmds.text("running", null).map(Field::value)));
            }
        }
        return out;
    }

    private void network(String name, Fields f) {
        boolean ok = f.require("subnet", "give the network's subnet such as 192.168.1.0/24")
                & f.require("server", "name the server (under servers:) that serves this network");
        var subnet = f.parsed("subnet", Cidr::parse);
        var server = f.text("server", Values::name);
        List<Ipv4> routers = f.parsedList("routers", Ipv4::parse);
        List<Ipv4> dns = f.parsedList("dns", Ipv4::parse);
        var domain = f.text("domain", Values::domain);
        var pool = f.parsed("pool", IpRange::parse);
        if (ok && subnet.isPresent() && server.isPresent() && (!f.has("pool") || pool.isPresent())
                && (!f.has("domain") || domain.isPresent())) {
            networks.put(name, new Network(name, subnet.get().value(), server.get().value(), routers, dns,
                    domain.map(Field::value), pool.map(Field::value), f.location()));
            references.add(new Reference("servers", server.get(), f.keyPath("server")));
        }
    }

    private void image(String name, Fields f) {
        boolean ok = f.require("root", "give the exported client root such as /netboot/" + name)
                & f.require("kernel", "give the kernel's file name under the TFTP root")
                & f.require("kernel-version", "give the kernel version whose modules the initramfs carries")
                & f.require("initrd", "give the initramfs file name under the TFTP root");
        var root = f.text("root", Values::absolutePath);
        var kernel = f.text("kernel", Values::fileUnderTftpRoot);
        var kver = f.text("kernel-version", Values::kernelVersion);
        var initrd = f.text("initrd", Values::fileUnderTftpRoot);
        var append = f.text("append", Values::kernelArguments);
        List<Field<String>> nfsOptions = f.list("nfs-options", Values::nfsOption);
        var writable = f.parsed("writable-root", InventoryLoader::writableRoot);
        List<Field<String>> modules = f.list("modules", Values::module);
        if (ok && root.isPresent() && kernel.isPresent() && kver.isPresent() && initrd.isPresent()
                && (!f.has("append") || append.isPresent()) && (!f.has("writable-root") || writable.isPresent())) {
            images.put(name, new Image(name, root.get().value(), kernel.get().value(), kver.get().value(),
                    initrd.get().value(), append.map(Field::value).orElse(""),
                    nfsOptions.stream().map(Field::value).toList(),
                    writable.map(Field::value).orElse(WritableRoot.OVERLAY),
                    modules.stream().map(Field::value).distinct().toList(), f.location()));
        }
    }

    private static WritableRoot writableRoot(String v) {
        for (WritableRoot w : WritableRoot.values()) {
            if (w.yamlName().equals(v)) {
                return w;
            }
        }
        throw new IllegalArgumentException("'" + v + "' is not a writable-root mode; use overlay or symlinks");
    }

    private Optional<HostFields> hostFields(String name, Fields f) {
        if (f.has("profile") && f.has("profiles")) {
            f.problem(f.at("profiles"), f.keyPath("profiles"), "set either profile or profiles, not both");
        }
        var mac = f.parsed("mac", MacAddress::parse);
        var ip = f.parsed("ip", Ipv4::parse);
        var image = f.text("image", Values::name);
        var append = f.text("append", Values::kernelArguments);
        List<Field<String>> profileRefs = new ArrayList<>(f.list("profile", Values::name));
        profileRefs.addAll(f.list("profiles", Values::name));
        java.util.Set<String> written = new java.util.HashSet<>();
        for (String k : HostFields.KEYS) {
            if (f.has(k)) {
                written.add(k);
            }
        }
        return Optional.of(new HostFields(name, mac, ip, image, append, profileRefs, written, f.location()));
    }

    /** A name that must exist in a section; checked once every file is read. */
    private record Reference(String section, Field<String> name, String path) {
    }

    private final List<Reference> references = new ArrayList<>();

    private void checkReferences() {
        for (Reference r : references) {
            if (!defined.containsKey(r.section() + "/" + r.name().value())) {
                problems.add(new Problem(r.name().location(), r.path(), "'" + r.name().value() + "' is not defined under "
                        + r.section() + ":; define it or fix the name"));
            }
        }
    }
}
