package dev.netgen.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Merges profiles into hosts. A profile may name parent profiles; parents apply first, later profiles
 * win over earlier ones, and the host's own fields win over all profiles. Each resolved field remembers
 * where its value came from ({@code netgen show host --sources}).
 */
final class ProfileResolver {
    private final Map<String, HostFields> profiles;
    private final List<Problem> problems;
    private final Map<String, Merged> resolvedProfiles = new HashMap<>();
    private final List<HostAddress> addresses = new ArrayList<>();
    private final java.util.Set<java.util.Set<String>> reportedCycles = new java.util.HashSet<>();
    private java.util.function.Predicate<String> imageDefined;
    private boolean allNetworksBound;

    ProfileResolver(Map<String, HostFields> profiles, List<Problem> problems) {
        this.profiles = profiles;
        this.problems = problems;
    }

    /** The fields so far, each with its source. */
    private static final class Merged {
        final Map<String, Field<?>> values = new LinkedHashMap<>();
        final Map<String, Source> sources = new LinkedHashMap<>();
        final java.util.Set<String> written = new java.util.HashSet<>();

        void apply(HostFields f, String origin) {
            written.addAll(f.written());
            f.mac().ifPresent(v -> set("mac", v, origin));
            f.ip().ifPresent(v -> set("ip", v, origin));
            f.image().ifPresent(v -> set("image", v, origin));
            f.append().ifPresent(v -> set("append", v, origin));
        }

        void applyAll(Merged other) {
            written.addAll(other.written);
            values.putAll(other.values);
            sources.putAll(other.sources);
        }

        private void set(String key, Field<?> value, String origin) {
            values.put(key, value);
            sources.put(key, new Source(origin, value.location()));
        }

        @SuppressWarnings("unchecked")
        <T> Optional<Field<T>> get(String key) {
            return Optional.ofNullable((Field<T>) values.get(key));
        }
    }

    /**
     * @param imageDefined whether an image name is defined at all (it may have failed to bind, which was reported)
     * @param allNetworksBound false when some network failed to bind, so "IP in no subnet" cannot be told
     */
    Map<String, Host> resolveAll(Map<String, HostFields> hosts, Map<String, Image> images,
            Map<String, Network> networks, Map<String, Server> servers,
            java.util.function.Predicate<String> imageDefined, boolean allNetworksBound) {
        this.imageDefined = imageDefined;
        this.allNetworksBound = allNetworksBound;
        for (String name : new TreeMap<>(profiles).keySet()) {
            profile(name, new ArrayList<>());
        }
        Map<String, Host> out = new TreeMap<>();
        for (HostFields h : hosts.values()) {
            Merged m = new Merged();
            boolean broken = false;
            for (Field<String> ref : h.profiles()) {
                Merged p = reference(ref, "hosts." + h.name() + ".profile", new ArrayList<>());
                if (p == null) {
                    broken = true; // already reported; checking the host further would only echo it
                } else {
                    m.applyAll(p);
                }
            }
            if (broken) {
                continue;
            }
            m.apply(h, "host " + h.name());
            m.sources.put("name", new Source("host " + h.name(), h.location()));
            toHost(h, m, images, networks, servers).ifPresent(host -> out.put(host.name(), host));
        }
        return out;
    }

    /** A host's MAC and IP after merging, for the uniqueness checks; collected even when the host is otherwise broken. */
    record HostAddress(String host, Optional<Field<MacAddress>> mac, Optional<Field<Ipv4>> ip, Optional<Network> network) {
    }

    List<HostAddress> addresses() {
        return addresses;
    }

    private Merged reference(Field<String> ref, String path, List<String> chain) {
        if (!profiles.containsKey(ref.value())) {
            problems.add(new Problem(ref.location(), path, "'" + ref.value() + "' is not defined under profiles:; define it or fix the name"));
            return null;
        }
        return profile(ref.value(), chain);
    }

    /** Resolves one profile and its parents; {@code chain} is the path of profiles being resolved, for cycles. */
    private Merged profile(String name, List<String> chain) {
        if (chain.contains(name)) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(name), chain.size()));
            cycle.add(name);
            HostFields f = profiles.get(name);
            String msg = "profile cycle " + String.join(" -> ", cycle) + "; remove one of these parent references";
            if (reportedCycles.add(new java.util.TreeSet<>(cycle))) {
                problems.add(new Problem(f.location(), "profiles." + name, msg));
            }
            return null;
        }
        Merged done = resolvedProfiles.get(name);
        if (done != null) {
            return done;
        }
        chain.add(name);
        HostFields f = profiles.get(name);
        Merged m = new Merged();
        boolean broken = false;
        for (Field<String> parent : f.profiles()) {
            Merged p = reference(parent, "profiles." + name + ".profile", chain);
            if (p == null) {
                broken = true;
            } else {
                m.applyAll(p);
            }
        }
        m.apply(f, "profile " + name);
        chain.remove(chain.size() - 1);
        if (broken) {
            return null;
        }
        resolvedProfiles.put(name, m);
        return m;
    }

    private Optional<Host> toHost(HostFields h, Merged m, Map<String, Image> images,
            Map<String, Network> networks, Map<String, Server> servers) {
        String path = "hosts." + h.name();
        Optional<Field<MacAddress>> mac = m.get("mac");
        Optional<Field<Ipv4>> ip = m.get("ip");
        Optional<Field<String>> image = m.get("image");
        Optional<Field<String>> append = m.get("append");
        Optional<Network> network = ip.flatMap(i -> networks.values().stream()
                .filter(n -> n.subnet().contains(i.value())).findFirst());
        addresses.add(new HostAddress(h.name(), mac, ip, network));
        boolean ok = true;
        if (mac.isEmpty() && m.written.contains("mac")) {
            ok = false;
        } else if (mac.isEmpty()) {
            problems.add(new Problem(h.location(), path + ".mac", "missing; give the host's MAC address (here or in a profile)"));
            ok = false;
        }
        if (ip.isEmpty() && m.written.contains("ip")) {
            ok = false;
        } else if (ip.isEmpty()) {
            problems.add(new Problem(h.location(), path + ".ip", "missing; give the host's fixed IPv4 address (here or in a profile)"));
            ok = false;
        }
        if (image.isEmpty() && m.written.contains("image")) {
            ok = false;
        } else if (image.isEmpty()) {
            problems.add(new Problem(h.location(), path + ".image", "missing; name the image it boots (here or in a profile)"));
            ok = false;
        } else if (!imageDefined.test(image.get().value())) {
            problems.add(new Problem(image.get().location(), path + ".image",
                    "'" + image.get().value() + "' is not defined under images:; define it or fix the name"));
            ok = false;
        } else if (!images.containsKey(image.get().value())) {
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        if (network.isEmpty()) {
            if (!allNetworksBound) {
                return Optional.empty();
            }
            problems.add(new Problem(ip.get().location(), path + ".ip", ip.get().value()
                    + " is in no network's subnet; use an address of one of: "
                    + String.join(", ", networks.values().stream().map(n -> n.name() + " " + n.subnet()).toList())));
            return Optional.empty();
        }
        Server server = servers.get(network.get().server());
        if (server == null) {
            return Optional.empty();
        }
        return Optional.of(new Host(h.name(), mac.get().value(), ip.get().value(), images.get(image.get().value()),
                network.get(), server, append.map(Field::value), m.sources, h.location()));
    }
}
