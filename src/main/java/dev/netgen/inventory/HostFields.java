package dev.netgen.inventory;

import java.util.List;
import java.util.Optional;

/**
 * The fields a host or a profile sets, as written (before profiles are merged); each one optional,
 * since a profile may set any host field and a host may leave fields to its profiles.
 */
record HostFields(String name, Optional<Field<MacAddress>> mac, Optional<Field<Ipv4>> ip,
        Optional<Field<String>> image, Optional<Field<String>> append, List<Field<String>> profiles,
        java.util.Set<String> written, Location location) {
    /** @param written the keys present in the YAML, also those whose value was invalid (already reported) */
    static final java.util.Set<String> KEYS = java.util.Set.of("mac", "ip", "image", "append", "profile", "profiles");
}
